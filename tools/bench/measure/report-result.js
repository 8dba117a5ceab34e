/**
 * Every measurement runs in its own child process so its peak RSS is its own. It prints exactly one
 * JSON line on stdout: the parent reads nothing else.
 * @param {Record<string, unknown>} result
 */
export function reportResult(result) {
  const usage = process.resourceUsage();
  // CPU time of this process (user + system) next to wall time: on a shared machine wall time
  // includes waiting for a core, CPU time does not. maxRSS is in kilobytes on Linux and macOS.
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  process.stdout.write(`${JSON.stringify({ ...result, cpuMs, maxRssMb: Math.round(usage.maxRSS / 1024) })}\n`);
}
