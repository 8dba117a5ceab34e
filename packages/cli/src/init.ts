import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';

export interface InitIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const SCAN_ARGS = 'scan --staged';

/** What the hook runs. `--no-install`: a commit must never download a package. */
export const HOOK_COMMAND = `npx --no-install shiftguard ${SCAN_ARGS}`;

// The markers delimit the only lines init ever writes into a file it did not create, so re-running
// finds and refreshes exactly them and nothing else is touched.
const BEGIN = '# >>> shiftguard pre-commit (written by `shiftguard init`; edit outside these markers) >>>';
const END = '# <<< shiftguard pre-commit <<<';

const USAGE = `Usage: shiftguard init [--force]

Installs a git pre-commit hook that runs \`shiftguard ${SCAN_ARGS}\` (the project's own install, or
through \`npx --no-install\`) and blocks the commit on a finding.
Adds to an existing husky (.husky/pre-commit) or lefthook (lefthook.yml) setup when there is one,
and respects git's core.hooksPath. An existing hook is kept: shiftguard's lines are added to it.

  --force   replace shiftguard's lines even when they were edited by hand
`;

type Target = { kind: 'git-hook' | 'husky' | 'lefthook'; file: string };
type Outcome = 'created' | 'added' | 'updated' | 'unchanged';

/** `shiftguard init`: exit 0 when the hook is in place, 2 on a usage error or when it cannot be installed. */
export async function runInit(args: string[], io: InitIo): Promise<number> {
  const force = args.includes('--force');
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const unknown = args.find((a) => a !== '--force');
  if (unknown !== undefined) {
    io.stderr(`shiftguard init: unknown argument "${unknown}".\n\n${USAGE}`);
    return 2;
  }
  const root = gitTopLevel(io.cwd);
  if (root === undefined) {
    io.stderr('shiftguard init: not inside a git work tree. Either: run it in your repository, or run `git init` first.\n');
    return 2;
  }
  const target = findTarget(root);
  const shown = relative(io.cwd, target.file) || target.file;
  try {
    const outcome = target.kind === 'lefthook' ? installInLefthook(target.file, force, shown) : installInShellHook(target, force, shown);
    io.stdout(describe(outcome, target, shown));
    return 0;
  } catch (error) {
    if (error instanceof EditedBlockError) {
      // Hand-edited lines are the user's decision: re-running init leaves them and succeeds.
      io.stdout(`shiftguard: ${error.message}\n`);
      return 0;
    }
    if (!(error instanceof InstallError)) throw error;
    io.stderr(`shiftguard init: ${error.message}\n`);
    return 2;
  }
}

class InstallError extends Error {}

function gitTopLevel(cwd: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']);
  } catch {
    return undefined;
  }
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/**
 * Where the hook goes: a hook manager's own file when the project uses one (its installer owns
 * `.git/hooks`), else the directory git runs hooks from (core.hooksPath, worktrees included).
 */
function findTarget(root: string): Target {
  const lefthook = ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml'].map((f) => join(root, f)).find((f) => existsSync(f));
  if (lefthook) return { kind: 'lefthook', file: lefthook };
  const hooksPath = git(root, ['rev-parse', '--git-path', 'hooks']);
  const hooksDir = isAbsolute(hooksPath) ? hooksPath : join(root, hooksPath);
  if (isDirectory(join(root, '.husky')) || /(^|[\\/])\.husky([\\/]|$)/.test(hooksDir)) {
    return { kind: 'husky', file: join(root, '.husky', 'pre-commit') };
  }
  return { kind: 'git-hook', file: join(hooksDir, 'pre-commit') };
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** The shell lines of the hook: a readable line after the scanner's own report when it blocks (exit 2: a tool failure). */
export function shellBlock(): string {
  return [
    BEGIN,
    // The project's own bin when it is there: npx costs about a second per commit on a busy machine.
    `if [ -x ./node_modules/.bin/shiftguard ]; then ./node_modules/.bin/shiftguard ${SCAN_ARGS}; else ${HOOK_COMMAND}; fi || {`,
    '  status=$?',
    '  if [ "$status" -eq 2 ]; then',
    '    echo "shiftguard: commit blocked: the scan could not finish (see the error above). git commit --no-verify skips the check." >&2',
    '  else',
    '    echo "shiftguard: commit blocked: fix the findings above, stage the fix, and commit again. git commit --no-verify skips the check." >&2',
    '  fi',
    '  exit $status',
    '}',
    END,
  ].join('\n');
}

function installInShellHook(target: Target, force: boolean, shown: string): Outcome {
  const existing = existsSync(target.file) ? readFileSync(target.file, 'utf8') : undefined;
  const next = existing === undefined ? newHookText(target) : withBlock(existing, shellBlock(), force, shown);
  if (next === existing) return 'unchanged';
  mkdirSync(dirname(target.file), { recursive: true });
  writeFileSync(target.file, next);
  chmodSync(target.file, 0o755);
  if (existing === undefined) return 'created';
  return existing.includes(BEGIN) ? 'updated' : 'added';
}

function newHookText(target: Target): string {
  // husky 9 runs `.husky/pre-commit` with sh itself; a plain git hook needs its interpreter line.
  return target.kind === 'husky' ? `${shellBlock()}\n` : `#!/bin/sh\n${shellBlock()}\n`;
}

/**
 * Puts `block` into a hook shiftguard did not create. The block goes right after the interpreter
 * line, so a foreign hook ending in `exit 0` or `exec …` cannot skip it; the foreign lines stay
 * as they are. A block already there and identical is left alone; one that differs (edited by hand) is kept unless `force`.
 */
export function withBlock(text: string, block: string, force: boolean, file: string): string {
  const begin = text.indexOf(BEGIN);
  if (begin >= 0) {
    const end = text.indexOf(END, begin);
    if (end < 0) throw new InstallError(`${file} has shiftguard's start marker but not its end marker. Either: restore the line "${END}", or delete shiftguard's lines and run init again.`);
    const current = text.slice(begin, end + END.length);
    if (current === block) return text;
    if (!force) throw new EditedBlockError(file);
    return text.slice(0, begin) + block + text.slice(end + END.length);
  }
  const shebang = /^#!([^\n]*)\n?/.exec(text);
  if (shebang && !/\b(sh|bash|dash|zsh|ksh)\b/.test(shebang[1] ?? '')) {
    throw new InstallError(`${file} is not a shell script (${shebang[0].trim()}), so shiftguard cannot add to it. Either: call \`${HOOK_COMMAND}\` from it yourself, or make it a shell script.`);
  }
  const head = shebang ? shebang[0].replace(/\n?$/, '\n') : '';
  return `${head}${block}\n${text.slice(shebang ? shebang[0].length : 0)}`;
}

class EditedBlockError extends InstallError {
  constructor(file: string) {
    super(`shiftguard's lines in ${file} were edited by hand; they are left as they are. Either: keep them, or run \`shiftguard init --force\` to replace them.`);
  }
}

/**
 * lefthook reads its YAML, so the hook becomes a command of its `pre-commit` group. The file is
 * edited as text (no YAML library): our lines go in as one marked block, indented to fit.
 */
function installInLefthook(file: string, force: boolean, shown: string): Outcome {
  const text = readFileSync(file, 'utf8');
  const next = withLefthookCommand(text, force, shown);
  if (next === text) return 'unchanged';
  writeFileSync(file, next);
  return text.includes(BEGIN) ? 'updated' : 'added';
}

export function withLefthookCommand(text: string, force: boolean, file: string): string {
  const lines = text.split('\n');
  const beginAt = lines.findIndex((l) => l.trim() === BEGIN);
  if (beginAt >= 0) {
    // The file already holds the indentation before the start marker; the block replaces the rest.
    const indent = /^\s*/.exec(lines[beginAt] ?? '')?.[0] ?? '';
    return withBlock(text, lefthookBlock(indent).slice(indent.length), force, file);
  }
  const groupAt = lines.findIndex((l) => /^pre-commit:\s*(#.*)?$/.test(l));
  if (groupAt < 0) {
    if (/^pre-commit:/m.test(text)) throw new InstallError(`${file} writes \`pre-commit\` in a form shiftguard cannot edit. Either: add a command running \`${HOOK_COMMAND}\` to it yourself, or use block style.`);
    const sep = text === '' || text.endsWith('\n') ? '' : '\n';
    return `${text}${sep}pre-commit:\n  commands:\n${lefthookBlock('    ')}\n`;
  }
  const groupEnd = lines.findIndex((l, i) => i > groupAt && /^\S/.test(l) && !l.startsWith('#'));
  const body = lines.slice(groupAt + 1, groupEnd < 0 ? lines.length : groupEnd);
  const childIndent = /^(\s+)\S/.exec(body.find((l) => /^\s+\S/.test(l) && !l.trim().startsWith('#')) ?? '')?.[1] ?? '  ';
  const commandsAt = body.findIndex((l) => l === `${childIndent}commands:`);
  const insertAt = groupAt + 1 + (commandsAt < 0 ? 0 : commandsAt + 1);
  const inserted = commandsAt < 0 ? [`${childIndent}commands:`, lefthookBlock(childIndent.repeat(2))] : [lefthookBlock(childIndent.repeat(2))];
  return [...lines.slice(0, insertAt), ...inserted, ...lines.slice(insertAt)].join('\n');
}

function lefthookBlock(indent: string): string {
  return [BEGIN, 'shiftguard:', `  run: ${HOOK_COMMAND}`, END].map((l) => indent + l).join('\n');
}

function describe(outcome: Outcome, target: Target, shown: string): string {
  const where = target.kind === 'lefthook' ? `${shown} (pre-commit commands)` : shown;
  const what: Record<Outcome, string> = {
    created: `installed the pre-commit hook in ${where}`,
    added: `added the shiftguard check to ${where}; the lines already there are kept`,
    updated: `updated the shiftguard lines in ${where}`,
    unchanged: `the pre-commit hook in ${where} is already installed; nothing to do`,
  };
  const note = target.kind === 'lefthook' ? ' (run `npx lefthook install` if lefthook is not installed yet)' : '';
  return `shiftguard: ${what[outcome]}${note}.\nEach commit now runs \`shiftguard ${SCAN_ARGS}\` and is blocked when a staged file has a finding.\n`;
}
