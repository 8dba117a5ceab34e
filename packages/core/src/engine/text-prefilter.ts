import type { ResolvedConfig } from '../config/config.js';
import { FILE_STORE_PACKAGES } from '../flow/flow-facts.js';
import { CONSOLE_METHODS, FS_MODULES, LOG_METHODS } from '../flow/sinks.js';
import { adapters } from '../graph/adapters/index.js';
import { REGISTRATION_HINT } from '../graph/registration-hint.js';
import { ruleIds } from '../rules/index.js';
import type { ImportBinding } from '../summary/module-facts.js';

/**
 * A backslash escape can spell any letter of a name or a string (`logger.\u0069nfo`, `'\x66s'`,
 * octal escapes, a line continuation), hiding it from a search of the raw text.
 */
const LETTER_ESCAPE = /\\(?:[ux0-7\n\r\u2028\u2029])/;

/** Suppression comments are reported without any sink when they give no reason (`invalid-suppression`). */
const SUPPRESSION_MARK = 'shiftguard';

/** The engine refuses binary content (a NUL byte) with an error that ESLint's parser does not give. */
const BINARY_MARK = '\0';

const LOG_METHOD_WORD = new RegExp(`\\b(?:${[...new Set([...LOG_METHODS, ...CONSOLE_METHODS])].join('|')})\\b`);

interface FileText {
  text: string;
  config: ResolvedConfig;
  /** Contents of everything that may be a string literal; computed on first use. */
  strings: () => readonly string[];
}

/**
 * Per rule: whether a finding of the rule can arise in a file with this text, scanned on its own.
 * Each answers false only when something every finding of the rule needs is missing from the text.
 */
const MAY_REPORT: Readonly<Record<string, (file: FileText) => boolean>> = {
  // A secret is only reported where it reaches a log call: a method of LOG_METHODS or console's
  // (called, destructured or bound), a configured logger, or a call through a wrapper of one, which
  // in a single file holds one of those itself. `debug('ns')` loggers are imported from 'debug'.
  'no-secrets-in-logs': ({ text, config }) => LOG_METHOD_WORD.test(text) || config.loggers.some((name) => text.includes(name.split('.').at(-1) ?? name)),
  // Every file write goes through a module of FS_MODULES, and every file-backed session store is
  // made from FILE_STORE_PACKAGES; both are named by a string in the file.
  'no-file-storage-in-production': ({ strings }) => strings().some((s) => FS_MODULES.has(s) || FILE_STORE_PACKAGES.has(s)),
  // Routes come from the route walk, which runs only on files that import a framework an adapter
  // detects or that make a registration-shaped call.
  'no-unprotected-admin-route': ({ text, strings }) => {
    if (REGISTRATION_HINT.test(text)) return true;
    const imports = strings().map(asImport);
    return adapters.some((a) => a.detects(imports));
  },
};

/**
 * Whether any rule could report in a file scanned on its own, judged from its text before parsing:
 * false only when provably nothing, so that the editor spends nothing on type declarations, schemas
 * and helpers. A rule this does not know always passes.
 */
export function passesTextPrefilter(text: string, config: ResolvedConfig): boolean {
  if (text.includes(SUPPRESSION_MARK) || text.includes(BINARY_MARK) || LETTER_ESCAPE.test(text)) return true;
  let strings: readonly string[] | undefined;
  const file: FileText = { text, config, strings: () => (strings ??= quotedTexts(text)) };
  return ruleIds.some((id) => config.rules[id] !== 'off' && (MAY_REPORT[id]?.(file) ?? true));
}

/**
 * The text after every quote character up to the next quote of the same kind (a template literal may
 * span lines, other strings may not). Every string literal without escapes is among them, whatever
 * comments or regular expressions around it do to the pairing of quotes.
 */
function quotedTexts(text: string): string[] {
  const out: string[] = [];
  for (let i = nextQuote(text, 0); i >= 0; i = nextQuote(text, i + 1)) {
    const quote = text.charAt(i);
    const end = text.indexOf(quote, i + 1);
    if (end < 0) continue;
    const content = text.slice(i + 1, end);
    if (quote === '`' || !/[\n\r]/.test(content)) out.push(content);
  }
  return out;
}

function nextQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27 || c === 0x22 || c === 0x60) return i;
  }
  return -1;
}

function asImport(specifier: string): ImportBinding {
  return { local: '', imported: '*', specifier };
}
