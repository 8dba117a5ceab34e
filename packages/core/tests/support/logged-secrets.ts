import { resolveConfig } from '../../src/config/config.js';
import { extractFlowFacts } from '../../src/flow/flow-facts.js';
import { parseSource } from '../../src/parse/parse-source.js';

/** The labels of the secrets each log call of a one-file `code` is given, before any cross-file resolution. */
export function loggedSecretsOf(code: string): string[][] {
  const sf = parseSource('src/a.ts', code);
  const facts = extractFlowFacts(sf, { path: 'src/a.ts', config: resolveConfig({}) });
  return facts.logCalls.map((log) => log.args.flat().flatMap((item) => (item.k === 'secret' ? [item.label] : [])));
}
