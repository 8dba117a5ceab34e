/**
 * Every measurement runs in its own child process so its peak RSS is its own. It prints exactly one
 * JSON line on stdout: the parent reads nothing else.
 *
 * `ms` is the wall time since the process started (`performance.now()` counts from there): the same
 * span as the CPU time, and the same for every measurement, whatever each does before its main call
 * (loading TypeScript, listing the files). Timing only the main call would leave that out of the
 * baseline, which lists files and loads TypeScript before it starts, but not out of the full scan,
 * which does both inside `scanProject`.
 * @param {Record<string, unknown>} result
 */
export function reportResult(result) {
  const ms = performance.now();
  const usage = process.resourceUsage();
  // CPU time of this process (user + system) next to wall time: on a shared machine wall time
  // includes waiting for a core, CPU time does not. maxRSS is in kilobytes on Linux and macOS.
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  process.stdout.write(`${JSON.stringify({ ms, ...result, cpuMs, maxRssMb: Math.round(usage.maxRSS / 1024) })}\n`);
}
