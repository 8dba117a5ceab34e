import { parseArgs } from 'node:util';
import { REPORT_FORMATS, type ReportFormat } from '@shiftguard/core/reporters';
import { ruleIds } from '@shiftguard/core/scan';
import { UsageError } from './usage-error.js';

export const FAIL_ON_LEVELS = ['error', 'warning', 'none'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

export const DEFAULT_BASELINE_FILE = 'shiftguard-baseline.json';

export const USAGE = `Usage:
  shiftguard scan [PATH ...] [options]      scan files and directories (default: .)
  shiftguard baseline [PATH ...] [options]  write the current findings as a baseline
  shiftguard rules [--format text|json]     list the rules with their CWE and docs
  shiftguard init [--force]                 install the git pre-commit hook

Options (scan, baseline):
  -f, --format text|json|sarif|github   output format (default: text)
  -o, --output FILE          write the report to FILE instead of stdout
                             (baseline: the baseline file, default ${DEFAULT_BASELINE_FILE})
  -c, --config FILE          config file (default: shiftguard.config.json in the current directory)
      --baseline FILE        findings in this baseline are reported but do not fail
      --staged               scan the git index; report only staged files
      --changed-since REF    report only files changed since REF (merge base) or untracked
      --rule ID              run only this rule; repeatable, or comma-separated
      --fail-on LEVEL        error (default) | warning | none: the lowest severity that exits 1
      --cache, --no-cache    reuse per-file summaries (default: on with --staged, else off)
      --color, --no-color    force colours on or off (default: on when stdout is a terminal)
  -q, --quiet                report errors only, no warnings
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no failing finding, 1 failing findings, 2 usage error, bad config or a file that
could not be scanned (the other files are still scanned and reported).
`;

export interface ScanOptions {
  paths: string[];
  format: ReportFormat;
  output?: string;
  config?: string;
  baseline?: string;
  staged: boolean;
  changedSince?: string;
  ruleIds?: string[];
  failOn: FailOn;
  /** Undefined: the default for the mode (on for --staged). */
  cache?: boolean;
  /** Undefined: decided by the terminal and NO_COLOR / FORCE_COLOR. */
  color?: boolean;
  quiet: boolean;
}

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'scan'; options: ScanOptions }
  | { name: 'baseline'; options: ScanOptions & { output: string } }
  | { name: 'rules'; format: (typeof RULES_FORMATS)[number] }
  /** `init` parses its own options. */
  | { name: 'init'; args: string[] };

const SCAN_OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  baseline: { type: 'string' },
  staged: { type: 'boolean' },
  'changed-since': { type: 'string' },
  rule: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  cache: { type: 'boolean' },
  color: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const RULES_FORMATS = ['text', 'json'] as const;

const RULES_OPTIONS = {
  format: { type: 'string', short: 'f' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses `argv` (after `shiftguard`). Throws UsageError with a message that names the bad part. */
export function parseCliArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  switch (first) {
    case undefined:
      throw new UsageError('missing command: scan, baseline, rules or init');
    case '-h':
    case '--help':
    case 'help':
      return { name: 'help' };
    case '-v':
    case '--version':
      return { name: 'version' };
    case 'init':
      return { name: 'init', args: rest };
    case 'rules':
      return parseRules(rest);
    case 'scan':
    case 'baseline':
      return parseScanLike(first, rest);
    default:
      throw new UsageError(first.startsWith('-') ? `expected a command before "${first}"` : `unknown command "${first}"`);
  }
}

function parseRules(args: readonly string[]): Command {
  const { values, positionals } = asUsageError(() => parseArgs({ args: [...args], options: RULES_OPTIONS, allowPositionals: true, strict: true }));
  if (values.help) return { name: 'help' };
  if (positionals.length) throw new UsageError(`"rules" takes no arguments, got "${positionals[0]}"`);
  return { name: 'rules', format: oneOf('--format', values.format ?? 'text', RULES_FORMATS) };
}

function parseScanLike(name: 'scan' | 'baseline', args: readonly string[]): Command {
  const { values, positionals } = asUsageError(() =>
    parseArgs({ args: [...args], options: SCAN_OPTIONS, allowPositionals: true, strict: true, allowNegative: true }),
  );
  if (values.help) return { name: 'help' };
  if (values.version) return { name: 'version' };
  if (values.staged && values['changed-since'] !== undefined) throw new UsageError('--staged and --changed-since cannot be combined');
  const options: ScanOptions = {
    paths: positionals.length ? positionals : ['.'],
    format: oneOf('--format', values.format ?? 'text', REPORT_FORMATS),
    staged: values.staged ?? false,
    failOn: oneOf('--fail-on', values['fail-on'] ?? 'error', FAIL_ON_LEVELS),
    quiet: values.quiet ?? false,
  };
  assignDefined(options, {
    output: nonEmpty('--output', values.output),
    config: nonEmpty('--config', values.config),
    baseline: nonEmpty('--baseline', values.baseline),
    changedSince: nonEmpty('--changed-since', values['changed-since']),
    ruleIds: values.rule && parseRuleIds(values.rule),
    cache: values.cache,
    color: values.color,
  });
  if (name === 'scan') return { name, options };
  return { name, options: { ...options, output: options.output ?? DEFAULT_BASELINE_FILE } };
}

function asUsageError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    // node:util reports unknown options and missing values with a readable message; keep it.
    throw new UsageError((error as Error).message);
  }
}

function parseRuleIds(values: readonly string[]): string[] {
  const ids = values.flatMap((v) => v.split(',')).map((id) => id.trim().replace(/^shiftguard\//, '')).filter(Boolean);
  const unknown = ids.find((id) => !ruleIds.includes(id));
  if (unknown !== undefined) throw new UsageError(`unknown rule "${unknown}" in --rule; known rules: ${ruleIds.join(', ') || '(none)'}`);
  if (!ids.length) throw new UsageError('--rule needs a rule id');
  return ids;
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid ${option} "${value}": use ${allowed.join(', ')}`);
}

function nonEmpty(option: string, value: string | undefined): string | undefined {
  if (value === '') throw new UsageError(`${option} needs a value`);
  return value;
}

/** Copies only defined values, so optional fields stay absent rather than `undefined`. */
function assignDefined<T extends object>(target: T, values: Partial<T>): void {
  for (const [key, value] of Object.entries(values)) if (value !== undefined) (target as Record<string, unknown>)[key] = value;
}
