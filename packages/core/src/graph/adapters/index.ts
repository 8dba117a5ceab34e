import type { FrameworkAdapter } from '../adapter.js';
import express from './express/index.js';
import fastify from './fastify/index.js';
import hono from './hono/index.js';
import koa from './koa/index.js';
import nest from './nest/index.js';

/** The adapter registry, in detection order. The route graph itself never imports an adapter. */
export const adapters: readonly FrameworkAdapter[] = [hono, express, fastify, koa, nest];
