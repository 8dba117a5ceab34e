#!/usr/bin/env node
// The package's bin. It is committed (not built) because npm links a workspace's bins at install
// time and silently skips a target that does not exist yet, such as dist/ before the first build.
try {
  await import('../dist/bin.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('/dist/')) throw error;
  process.stderr.write(`shiftguard: the command line is not built yet (${error.message.split('\n')[0]}). Either: run "npm run build" at the repository root, or install @shiftguard/cli from the registry.\n`);
  process.exitCode = 2;
}
