import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_GLOB } from '../src/project/discover-files.js';
import picomatch from 'picomatch';

/** The labelled fixture corpus: `tests/fixtures/<rule-id>/<case>/case.json` plus the case's sources. */
export const FIXTURES_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface ExpectedFinding {
  ruleId: string;
  file: string;
  line: number;
}

export interface CorpusCase {
  /** `<rule-id>/<case>`. */
  name: string;
  ruleId: string;
  dir: string;
  description: string;
  naive: boolean;
  singleFile: boolean;
  config?: Record<string, unknown>;
  expected: ExpectedFinding[];
  files: Array<{ path: string; text: string }>;
  /** The case's tsconfig.json, jsconfig.json and package.json files (path aliases, workspace packages). */
  configFiles: Array<{ path: string; text: string }>;
}

const isSource = picomatch(SOURCE_GLOB);

export function loadCorpus(root = FIXTURES_DIR): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const ruleId of readdirSync(root).sort()) {
    const ruleDir = join(root, ruleId);
    if (!statSync(ruleDir).isDirectory()) continue;
    for (const caseName of readdirSync(ruleDir).sort()) {
      const dir = join(ruleDir, caseName);
      if (!statSync(dir).isDirectory()) continue;
      const meta = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as Partial<CorpusCase>;
      cases.push({
        name: `${ruleId}/${caseName}`,
        ruleId,
        dir,
        description: meta.description ?? '',
        naive: meta.naive ?? false,
        singleFile: meta.singleFile ?? false,
        config: meta.config,
        expected: meta.expected ?? [],
        files: listFiles(dir, isSource).map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8') })),
        configFiles: listFiles(dir, isConfigFile).map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8') })),
      });
    }
  }
  return cases;
}

const isConfigFile = (name: string) => name === 'tsconfig.json' || name === 'jsconfig.json' || name === 'package.json';

function listFiles(dir: string, wanted: (name: string) => boolean, base = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, wanted, base));
    else if (wanted(entry.name)) out.push(relative(base, full).split('\\').join('/'));
  }
  return out.sort();
}

/** A comparable, sorted string form of findings for exact-set assertions. */
export function findingKeys(findings: ReadonlyArray<ExpectedFinding>): string[] {
  return findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort();
}
