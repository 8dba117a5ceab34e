#!/usr/bin/env node
import { main } from './main.js';

// A reader that stops early (`shiftguard scan | head`) closes the pipe: that ends the report, not
// the tool, so the exit code still tells the verdict instead of an EPIPE stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

// Only the exit code is set here: process.exit() could cut off a large report still being piped.
process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
});
