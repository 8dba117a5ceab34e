/**
 * Every measurement runs in its own child process so its peak RSS is its own. It prints exactly one
 * JSON line on stdout: the parent reads nothing else.
 * @param {Record<string, unknown>} result
 */
export function reportResult(result) {
  // maxRSS is in kilobytes on Linux and macOS.
  process.stdout.write(`${JSON.stringify({ ...result, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
}
