'use strict';
// Preloaded (`node -r`) into a process the benchmark runs as a black box (the CLI): writes its CPU
// time and peak RSS to file descriptor 3 when it exits, so warm staged scans get CPU time too.
const { writeSync } = process.getBuiltinModule('node:fs');

process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  try {
    writeSync(3, JSON.stringify({ cpuMs, maxRssMb: Math.round(usage.maxRSS / 1024) }));
  } catch {
    // no fd 3: not run by the benchmark
  }
});
