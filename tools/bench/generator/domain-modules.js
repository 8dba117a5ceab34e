import { FIELDS } from './vocabulary.js';

/**
 * Domain code that makes up most of a real server: types, JSON schemas, services and utilities.
 * It contains no violations; it is the volume the scanner must get through quickly.
 * @typedef {import('./prng.js').Rng} Rng
 * @typedef {{ name: string, Name: string, plural: string, fields: Array<readonly [string, string, string]> }} Resource
 */

/** @param {string} s */
export const pascal = (s) => s.replace(/(^|-)([a-z])/g, (_m, _d, c) => c.toUpperCase());

/**
 * @param {Rng} rng
 * @param {string} name
 * @returns {Resource}
 */
export function createResource(rng, name) {
  const fields = rng.sample(FIELDS, rng.int(5, 10));
  return { name, Name: pascal(name), plural: `${name}s`, fields };
}

/** @param {Resource} r */
export function typesModule(r) {
  const fieldLines = r.fields.map(([f, t]) => `  /** The ${r.name}'s ${f}. */\n  ${f}: ${t};`).join('\n');
  return `// Types of the ${r.name} resource.
export type Status = 'draft' | 'active' | 'suspended' | 'archived';

export interface ${r.Name} {
  id: string;
${fieldLines}
  createdAt: string;
  updatedAt: string;
}

export type Create${r.Name}Input = Omit<${r.Name}, 'id' | 'createdAt' | 'updatedAt'>;
export type Update${r.Name}Input = Partial<Create${r.Name}Input>;

export interface ${r.Name}Query {
  page: number;
  limit: number;
  search?: string;
  status?: Status;
  sort?: keyof ${r.Name};
  order?: 'asc' | 'desc';
}

export interface ${r.Name}Page {
  items: ${r.Name}[];
  total: number;
  page: number;
  limit: number;
}

export class ${r.Name}NotFoundError extends Error {
  readonly status = 404;
  constructor(readonly id: string) {
    super(\`${r.name} \${id} not found\`);
    this.name = '${r.Name}NotFoundError';
  }
}

export class ${r.Name}ValidationError extends Error {
  readonly status = 422;
  constructor(readonly issues: string[]) {
    super(\`invalid ${r.name}: \${issues.join(', ')}\`);
    this.name = '${r.Name}ValidationError';
  }
}
`;
}

/** @param {Resource} r */
export function schemaModule(r) {
  const props = r.fields.map(([f, , j]) => `    ${f}: { type: '${j}'${j === 'string' ? ', maxLength: 256' : ''} },`).join('\n');
  return `// JSON schema of the ${r.name} resource, shared by validation and the OpenAPI document.
export const ${r.name}Schema = {
  $id: 'https://schemas.example.com/${r.name}.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', format: 'uuid' },
${props}
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', ${r.fields.slice(0, 2).map(([f]) => `'${f}'`).join(', ')}],
} as const;

export const ${r.name}ListSchema = {
  type: 'object',
  properties: {
    items: { type: 'array', items: ${r.name}Schema },
    total: { type: 'integer', minimum: 0 },
    page: { type: 'integer', minimum: 1 },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
  },
  required: ['items', 'total'],
} as const;
`;
}

/**
 * @param {Rng} rng
 * @param {Resource} r
 */
export function serviceModule(rng, r) {
  const validations = r.fields
    .map(([f, t]) =>
      t === 'string'
        ? `  if (input.${f} !== undefined && typeof input.${f} !== 'string') issues.push('${f} must be a string');\n  if (typeof input.${f} === 'string' && input.${f}.length > 256) issues.push('${f} is too long');`
        : t === 'number'
          ? `  if (input.${f} !== undefined && !Number.isFinite(input.${f})) issues.push('${f} must be a number');`
          : `  if (input.${f} !== undefined && input.${f} === null) issues.push('${f} is required');`,
    )
    .join('\n');
  const searchable = r.fields.filter(([, t]) => t === 'string').map(([f]) => f);
  const matcher = searchable.length
    ? searchable.map((f) => `String(item.${f}).toLowerCase().includes(needle)`).join(' ||\n        ')
    : 'item.id.includes(needle)';
  const extra = rng.int(1, 3);
  const helpers = Array.from({ length: extra }, (_, i) => `
  /** Recomputes derived data for one ${r.name}; idempotent, safe to retry. */
  async refresh${i}(id: string): Promise<${r.Name}> {
    const current = await this.get(id);
    const next = { ...current, updatedAt: this.clock().toISOString() };
    this.items.set(id, next);
    this.log.debug({ id, step: ${i} }, 'refreshed ${r.name}');
    return next;
  }`).join('\n');
  return `import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { Create${r.Name}Input, ${r.Name}, ${r.Name}Page, ${r.Name}Query, Update${r.Name}Input } from '../types/${r.name}.js';
import { ${r.Name}NotFoundError, ${r.Name}ValidationError } from '../types/${r.name}.js';
import { paginate } from '../utils/pagination.js';

export function validate${r.Name}(input: Partial<${r.Name}>): string[] {
  const issues: string[] = [];
${validations}
  return issues;
}

/** Keeps ${r.plural} in memory behind the same interface as the database-backed service. */
export class ${r.Name}Service {
  private readonly items = new Map<string, ${r.Name}>();

  constructor(
    private readonly log: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async list(query: ${r.Name}Query): Promise<${r.Name}Page> {
    let all = [...this.items.values()];
    if (query.status) all = all.filter((item) => (item as { status?: string }).status === query.status);
    if (query.search) {
      const needle = query.search.toLowerCase();
      all = all.filter(
        (item) =>
        ${matcher},
      );
    }
    if (query.sort) {
      const key = query.sort;
      const dir = query.order === 'desc' ? -1 : 1;
      all.sort((a, b) => (String(a[key]) < String(b[key]) ? -dir : String(a[key]) > String(b[key]) ? dir : 0));
    }
    return paginate(all, query.page, query.limit);
  }

  async get(id: string): Promise<${r.Name}> {
    const item = this.items.get(id);
    if (!item) throw new ${r.Name}NotFoundError(id);
    return item;
  }

  async create(input: Create${r.Name}Input): Promise<${r.Name}> {
    const issues = validate${r.Name}(input);
    if (issues.length > 0) throw new ${r.Name}ValidationError(issues);
    const now = this.clock().toISOString();
    const item: ${r.Name} = { ...input, id: randomUUID(), createdAt: now, updatedAt: now };
    this.items.set(item.id, item);
    this.log.info({ id: item.id }, 'created ${r.name}');
    return item;
  }

  async update(id: string, patch: Update${r.Name}Input): Promise<${r.Name}> {
    const current = await this.get(id);
    const issues = validate${r.Name}(patch);
    if (issues.length > 0) throw new ${r.Name}ValidationError(issues);
    const next: ${r.Name} = { ...current, ...patch, id, updatedAt: this.clock().toISOString() };
    this.items.set(id, next);
    this.log.info({ id, fields: Object.keys(patch) }, 'updated ${r.name}');
    return next;
  }

  async remove(id: string): Promise<void> {
    if (!this.items.delete(id)) throw new ${r.Name}NotFoundError(id);
    this.log.warn({ id }, 'deleted ${r.name}');
  }

  async count(): Promise<number> {
    return this.items.size;
  }
${helpers}
}
`;
}

/** @type {Record<string, string>} */
const UTILITY_BODIES = {
  pagination: `export interface Page<T> { items: T[]; total: number; page: number; limit: number }

/** Slices one page out of a list; page numbers start at 1 and the limit is capped at 100. */
export function paginate<T>(all: readonly T[], page = 1, limit = 20): Page<T> {
  const safeLimit = Math.min(Math.max(1, Math.trunc(limit)), 100);
  const safePage = Math.max(1, Math.trunc(page));
  const start = (safePage - 1) * safeLimit;
  return { items: all.slice(start, start + safeLimit), total: all.length, page: safePage, limit: safeLimit };
}

export function parsePageParams(query: Record<string, string | undefined>): { page: number; limit: number } {
  const page = Number.parseInt(query.page ?? '1', 10);
  const limit = Number.parseInt(query.limit ?? '20', 10);
  return { page: Number.isNaN(page) ? 1 : page, limit: Number.isNaN(limit) ? 20 : limit };
}`,
  retry: `export interface RetryOptions { attempts: number; delayMs: number; factor: number }

const DEFAULTS: RetryOptions = { attempts: 3, delayMs: 100, factor: 2 };

/** Retries a failing async operation with exponential backoff; rethrows the last error. */
export async function retry<T>(operation: () => Promise<T>, options: Partial<RetryOptions> = {}): Promise<T> {
  const { attempts, delayMs, factor } = { ...DEFAULTS, ...options };
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await operation();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, delayMs * factor ** attempt));
    }
  }
  throw lastError;
}`,
  dates: `const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function isExpired(isoDate: string, now = new Date()): boolean {
  return new Date(isoDate).getTime() <= now.getTime();
}`,
  money: `export interface Money { amount: number; currency: string }

/** Adds amounts in minor units so rounding never drifts. */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new Error(\`currency mismatch: \${a.currency} vs \${b.currency}\`);
  return { amount: Math.round(a.amount * 100 + b.amount * 100) / 100, currency: a.currency };
}

export function formatMoney(m: Money, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }).format(m.amount);
}`,
  slug: `export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\\u0300-\\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}`,
  cursor: `export function encodeCursor(value: { id: string; createdAt: string }): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor(cursor: string): { id: string; createdAt: string } | undefined {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}`,
  backoff: `export function jitter(ms: number, ratio = 0.2): number {
  const spread = ms * ratio;
  return Math.round(ms - spread + Math.random() * spread * 2);
}

export function backoffDelays(count: number, base = 50): number[] {
  return Array.from({ length: count }, (_, i) => jitter(base * 2 ** i));
}`,
  chunk: `export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}`,
  'deep-merge': `type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges plain objects recursively; arrays and class instances are replaced, not merged. */
export function deepMerge<T extends Plain>(base: T, override: Plain): T {
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] = isPlain(current) && isPlain(value) ? deepMerge(current, value) : value;
  }
  return out as T;
}`,
  'env-flags': `export function flagEnabled(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env[\`FEATURE_\${name.toUpperCase()}\`];
  return value === '1' || value === 'true' || value === 'on';
}

export function listFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.keys(env)
    .filter((key) => key.startsWith('FEATURE_'))
    .map((key) => key.slice('FEATURE_'.length).toLowerCase());
}`,
};

/** @param {string} name one of UTILITIES */
export function utilityModule(name) {
  return `// ${name} helpers.\n${UTILITY_BODIES[name] ?? ''}\n`;
}
