import { readFileSync } from 'node:fs';

let version: string | undefined;

/** The CLI package's version (SARIF `tool.driver.version`, `--version`), read once. */
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
