import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { zod } from './lazy-zod.js';

export const RULE_LEVELS = ['off', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

const stringList = (description: string) => zod().array(zod().string().min(1)).describe(description);

function buildConfigSchema() {
  const z = zod();
  return z
    .object({
      $schema: z.string().optional(),
      adminPaths: stringList('Globs of route paths that are administrative in addition to the defaults.').optional(),
      publicPaths: stringList('Globs of route paths that need no authentication (added to login/signin/sign-in/logout).').optional(),
      authMiddleware: stringList('Names of functions that authenticate a request, for guards whose definition cannot be read.').optional(),
      loggers: stringList('Names of objects or functions that write logs, in addition to the recognised loggers.').optional(),
      sanitizers: stringList('Names of functions that redact a secret before it is logged or stored.').optional(),
      sensitiveNames: z
        .object({
          add: stringList('Names (any case style) to treat as secrets.').optional(),
          remove: stringList('Names to stop treating as secrets.').optional(),
        })
        .strict()
        .optional(),
      rules: z.record(z.string(), z.enum(RULE_LEVELS)).optional(),
      ignore: stringList('Globs of files to leave out of the scan.').optional(),
    })
    .strict();
}

let schema: ReturnType<typeof buildConfigSchema> | undefined;

/** The config file's schema: `shiftguard.config.json` at the scan root, or `--config FILE`. */
export function configSchema(): ReturnType<typeof buildConfigSchema> {
  schema ??= buildConfigSchema();
  return schema;
}

export type ShiftguardConfigInput = z.input<ReturnType<typeof configSchema>>;

/** A validated config with every default filled in. Frozen: rules must never mutate it. */
export interface ResolvedConfig {
  adminPaths: readonly string[];
  publicPaths: readonly string[];
  authMiddleware: readonly string[];
  loggers: readonly string[];
  sanitizers: readonly string[];
  sensitiveNames: { add: readonly string[]; remove: readonly string[] };
  rules: Readonly<Record<string, RuleLevel>>;
  ignore: readonly string[];
}

/**
 * Validates `input` and fills defaults. Throws ConfigError naming the first offending key
 * (dotted path, e.g. `sensitiveNames.add`) and where it came from.
 */
export function resolveConfig(input: unknown, source = 'config', knownRuleIds?: readonly string[]): ResolvedConfig {
  // No config at all means the defaults, which need no validation (nor zod loaded).
  if (input === undefined || input === null || (isPlainObject(input) && Object.keys(input).length === 0)) return DEFAULTS;
  const parsed = configSchema().safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const key = unknownKey !== undefined ? (path ? `${path}.${unknownKey}` : unknownKey) : path;
    const what = unknownKey !== undefined ? `unknown key "${key}"` : `invalid value for "${key}": ${issue?.message ?? 'invalid'}`;
    throw new ConfigError(`${source}: ${what}`, key);
  }
  const c = parsed.data;
  if (knownRuleIds && c.rules) {
    for (const id of Object.keys(c.rules)) {
      if (!knownRuleIds.includes(id)) throw new ConfigError(`${source}: unknown rule "rules.${id}"; known rules: ${knownRuleIds.join(', ')}`, `rules.${id}`);
    }
  }
  return resolved(c);
}

function resolved(c: z.output<ReturnType<typeof configSchema>>): ResolvedConfig {
  return deepFreeze({
    adminPaths: c.adminPaths ?? [],
    publicPaths: c.publicPaths ?? [],
    authMiddleware: c.authMiddleware ?? [],
    loggers: c.loggers ?? [],
    sanitizers: c.sanitizers ?? [],
    sensitiveNames: { add: c.sensitiveNames?.add ?? [], remove: c.sensitiveNames?.remove ?? [] },
    rules: c.rules ?? {},
    ignore: c.ignore ?? [],
  });
}

const DEFAULTS = resolved({});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Reads and validates a JSON config file. */
export function loadConfigFile(file: string, knownRuleIds?: readonly string[]): ResolvedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(`${file}: cannot read the config file`, undefined, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`${file}: not valid JSON (${(cause as Error).message})`, undefined, { cause });
  }
  return resolveConfig(json, file, knownRuleIds);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
