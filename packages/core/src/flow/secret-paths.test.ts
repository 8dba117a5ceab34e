import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { collectFile } from './collect-file.js';
import { namesSecretStore } from './secret-paths.js';
import { createNameClassifier } from './sensitive-names.js';

/** Whether the path `write(path)` is given names a secret store (`path` as a string, or as code). */
function secretPath(path: string, code = JSON.stringify(path)): boolean {
  const sf = parseSource('a.ts', `write(${code});`);
  const stmt = sf.statements[0];
  const call = stmt && ts.isExpressionStatement(stmt) && ts.isCallExpression(stmt.expression) ? stmt.expression : undefined;
  const fc = { sf, file: 'a.ts', names: createNameClassifier(), config: resolveConfig({}), collected: collectFile(sf), isProjectModule: () => false, earlyExits: new Map() };
  return namesSecretStore(call?.arguments[0], fc);
}

describe('namesSecretStore', () => {
  it.each(['data/tokens.json', '.env', '.env.local', 'credentials.json', 'keys/signing.pem', 'privkey.pem', 'cert-key.pem', 'jwt-private.pem', '~/.ssh/id_rsa', 'sessions/abc.json'])('%s names a secret store', (path) => {
    expect(secretPath(path)).toBe(true);
  });

  it.each(['.env.example', '.env.sample', '.env.template', 'public.pem', 'keys/jwt-public-key.pem', 'cert.pem', 'fullchain.pem', 'ca-bundle.pem', '~/.ssh/id_rsa.pub', 'report.json', 'design-tokens.json', 'build/tokens.css', 'theme/tokens.scss'])('%s does not', (path) => {
    expect(secretPath(path)).toBe(false);
  });

  it.each([
    ["a setting's fallback", "process.env.SESSION_DB ?? 'data/sessions.db'", true],
    ["a fallback after ||", "process.env.TOKENS || 'tokens.json'", true],
    ['a descriptor opened on one', "fs.openSync(path.join(dir, 'tokens.json'), 'w')", true],
    ["a Bun file reference", "Bun.file('data/sessions.json')", true],
    ['a fallback that is no secret store', "process.env.DB_FILE ?? 'data/app.db'", false],
  ])('%s', (_name, code, expected) => {
    expect(secretPath('', code)).toBe(expected);
  });
});
