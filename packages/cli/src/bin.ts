#!/usr/bin/env node
import { main } from './main.js';

// Only the exit code is set here: process.exit() could cut off a large report still being piped.
process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
});
