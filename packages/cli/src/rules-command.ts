import { docsUrlOf, rules } from '@shiftguard/core';
import type { CliIo } from './cli-io.js';

/** `shiftguard rules`: every rule with its CWE, default severity, docs page and description. */
export function runRulesCommand(format: 'text' | 'json', io: CliIo): number {
  const rows = rules.map(({ meta }) => ({ id: meta.id, cwe: meta.cwe, severity: meta.severity, docs: docsUrlOf(meta.id), description: meta.description }));
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (!rows.length) {
    io.stdout.write('No rules are registered.\n');
    return 0;
  }
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const cweWidth = Math.max(...rows.map((r) => r.cwe.length));
  const lines = rows.map((r) => `${r.id.padEnd(idWidth)}  ${r.cwe.padEnd(cweWidth)}  ${r.severity.padEnd(7)}  ${r.description}\n${' '.repeat(idWidth + cweWidth + 13)}${r.docs}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
