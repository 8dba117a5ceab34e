import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ScanResult } from '@shiftguard/core';

export interface ScanJob {
  files: { path: string; text: string }[];
  ruleIds?: string[];
}

export interface ScanRunner {
  scan(job: ScanJob): Promise<ScanResult>;
  close(): Promise<void>;
}

export class ScanRejectedError extends Error {
  override readonly name = 'ScanRejectedError';
}

export interface ScanRunnerOptions {
  timeoutMs: number;
  /** Jobs waiting behind the running one; more are refused instead of piling up memory. */
  maxQueue: number;
  memoryLimitMb: number;
}

const DEFAULTS: ScanRunnerOptions = { timeoutMs: 5000, maxQueue: 16, memoryLimitMb: 256 };

/*
 * The engine's scanFiles is synchronous, so a hostile input could hold the event loop. It runs in a
 * worker thread instead, which can be terminated when it overruns its time budget. The worker is
 * plain JavaScript given as a string (no build step, same code under vitest and from dist); it
 * imports the core package from the path resolved here.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.coreUrl).then(({ scanFiles }) => {
  parentPort.on('message', ({ files, ruleIds }) => {
    try {
      parentPort.postMessage({ result: scanFiles({ files, ruleIds }) });
    } catch (error) {
      parentPort.postMessage({ error: error instanceof Error ? error.name + ': ' + error.message : 'scan failed' });
    }
  });
});`;

interface Pending {
  job: ScanJob;
  resolve: (result: ScanResult) => void;
  reject: (error: Error) => void;
}

export function createScanRunner(overrides: Partial<ScanRunnerOptions> = {}): ScanRunner {
  const options = { ...DEFAULTS, ...overrides };
  const coreUrl = pathToFileURL(createRequire(import.meta.url).resolve('@shiftguard/core')).href;
  const queue: Pending[] = [];
  let worker: Worker | undefined;
  let running = false;

  const spawnWorker = () => {
    const created = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { coreUrl },
      resourceLimits: { maxOldGenerationSizeMb: options.memoryLimitMb },
    });
    // An idle scanner must not keep the process alive after the HTTP server has closed.
    created.unref();
    return created;
  };

  const runNext = () => {
    const next = queue.shift();
    if (!next) return;
    running = true;
    const current = (worker ??= spawnWorker());
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      current.removeAllListeners('message').removeAllListeners('error');
      running = false;
      settle();
      runNext();
    };
    const abandon = (reason: string) => {
      worker = undefined;
      void current.terminate();
      finish(() => next.reject(new ScanRejectedError(reason)));
    };
    const timer = setTimeout(() => abandon(`the scan exceeded its ${options.timeoutMs} ms time budget`), options.timeoutMs);
    current.once('message', (message: { result?: ScanResult; error?: string }) =>
      finish(() => (message.result ? next.resolve(message.result) : next.reject(new ScanRejectedError(message.error ?? 'scan failed')))),
    );
    current.once('error', () => abandon('the scan ran out of resources'));
    current.postMessage(next.job);
  };

  return {
    scan(job) {
      if (queue.length >= options.maxQueue) return Promise.reject(new ScanRejectedError('the scanner is busy; retry later'));
      return new Promise((resolve, reject) => {
        queue.push({ job, resolve, reject });
        if (!running) runNext();
      });
    },
    async close() {
      for (const pending of queue.splice(0)) pending.reject(new ScanRejectedError('the server is shutting down'));
      await worker?.terminate();
      worker = undefined;
    },
  };
}
