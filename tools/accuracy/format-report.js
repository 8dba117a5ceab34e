/** @typedef {import('./score-corpus.js').AccuracyReport} AccuracyReport */

const HEADER = ['rule', 'cases', 'clean', 'naive', 'TP', 'FP', 'FN', 'errors', 'precision', 'recall'];

/**
 * Renders the per-rule table and every mismatch, one per line, so a failing CI log says exactly
 * which case to open.
 * @param {AccuracyReport} report
 * @returns {string}
 */
export function formatReport(report) {
  const rows = report.rules.map((s) => [s.ruleId, s.cases, s.clean, s.naive, s.tp, s.fp, s.fn, s.errors, percent(s.precision), percent(s.recall)].map(String));
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (/** @type {string[]} */ cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const out = [line(HEADER), ...rows.map(line)];
  if (report.mismatches.length > 0) {
    out.push('', `${report.mismatches.length} mismatch(es):`);
    for (const m of report.mismatches) {
      const where = m.file ? ` ${m.file}${m.line ? `:${m.line}` : ''}` : '';
      out.push(`  ${m.kind.padEnd(5)} ${m.caseName}: ${m.ruleId}${where}${m.message ? ` (${m.message})` : ''}`);
    }
  }
  return out.join('\n');
}

/** @param {number} ratio */
function percent(ratio) {
  return `${(ratio * 100).toFixed(1)}%`;
}
