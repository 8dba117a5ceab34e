import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes a report or baseline, creating its folder (`--output reports/x.sarif` in a fresh CI checkout). */
export function writeOutputFile(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
