#!/usr/bin/env node
import module from 'node:module';

// Start-up is dominated by compiling TypeScript's 9 MB compiler. Node 22.1+ can keep the compiled
// code between runs, which matters for a pre-commit hook; older Node has no such API (a no-op here).
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// A reader that stops early (`shiftguard scan | head`) closes the pipe: that ends the report, not
// the tool, so the exit code still tells the verdict instead of an EPIPE stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

// A scan of staged or changed files usually finds every summary it needs in the cache, so the engine
// loads TypeScript only once a file must be parsed (see lazy-typescript.mjs in @shiftguard/core).
const SCOPED = new Set(['--staged', '--changed-since']);
if (process.argv.some((arg) => SCOPED.has(arg.split('=', 1)[0] ?? ''))) {
  (globalThis as Record<symbol, unknown>)[Symbol.for('shiftguard.deferTypeScript')] = true;
}

// A staged scan starts from two git listings: started now, git runs while the engine loads.
if (process.argv.includes('--staged')) (await import('./index-listing.js')).startListingIndex(process.cwd());

// Imported only now, so that the compile cache above covers the whole engine.
const { main } = await import('./main.js');

// Only the exit code is set here: process.exit() could cut off a large report still being piped.
process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
});
