export interface RateLimitRule {
  points: number;
  durationSeconds: number;
}

export interface RateLimitRules {
  /** `/admin/*`, per client IP. */
  admin: RateLimitRule;
  /** `/mcp`, per principal. */
  mcp: RateLimitRule;
  /** Failed authentications, per client IP. */
  authFailure: RateLimitRule;
}

export type ParsedRateLimits = { ok: true; rules: RateLimitRules } | { ok: false; problems: string[] };

const DEFAULTS: RateLimitRules = {
  admin: { points: 30, durationSeconds: 60 },
  mcp: { points: 120, durationSeconds: 60 },
  authFailure: { points: 10, durationSeconds: 60 },
};

const NAMES: Record<string, keyof RateLimitRules> = { admin: 'admin', mcp: 'mcp', auth_failure: 'authFailure' };

/** `admin=30/60,mcp=120/60,auth_failure=10/60` (requests per seconds); unnamed buckets keep defaults. */
export function parseRateLimits(value: string): ParsedRateLimits {
  const rules: RateLimitRules = { ...DEFAULTS };
  const problems: string[] = [];
  for (const entry of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const match = /^(\w+)=(\d+)\/(\d+)$/.exec(entry);
    const name = match ? NAMES[match[1] ?? ''] : undefined;
    if (!match || !name) {
      problems.push(`"${entry}" must be admin|mcp|auth_failure=<requests>/<seconds>.`);
      continue;
    }
    const points = Number(match[2]);
    const durationSeconds = Number(match[3]);
    if (points < 1 || durationSeconds < 1) problems.push(`"${entry}" needs positive numbers.`);
    else rules[name] = { points, durationSeconds };
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules };
}
