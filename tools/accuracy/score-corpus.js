/**
 * @typedef {import('./load-corpus.js').CorpusCase} CorpusCase
 * @typedef {import('./load-corpus.js').ExpectedFinding} ExpectedFinding
 * @typedef {{ findings: ExpectedFinding[], errors: Array<{ kind: string, file?: string, message: string }> }} CaseResult
 * @typedef {{ ruleId: string, cases: number, clean: number, naive: number, tp: number, fp: number, fn: number, errors: number, precision: number, recall: number }} RuleScore
 * @typedef {{ caseName: string, kind: 'FP' | 'FN' | 'error', ruleId: string, file?: string, line?: number, message?: string }} Mismatch
 * @typedef {{ rules: RuleScore[], mismatches: Mismatch[] }} AccuracyReport
 */

/**
 * Scores every case: an expected finding that is produced is a true positive, one that is missing a
 * false negative, and a produced finding that no case expects a false positive. Findings are matched
 * as a multiset of `ruleId file:line`, the identity `case.json` uses. A scan error in a case is a
 * mismatch of the case's own rule, because the case could not be judged.
 * @param {readonly CorpusCase[]} cases
 * @param {(c: CorpusCase) => CaseResult} scan
 * @returns {AccuracyReport}
 */
export function scoreCorpus(cases, scan) {
  /** @type {Map<string, RuleScore>} */
  const scores = new Map();
  /** @type {Mismatch[]} */
  const mismatches = [];
  const scoreOf = (/** @type {string} */ ruleId) => {
    let score = scores.get(ruleId);
    if (!score) {
      score = { ruleId, cases: 0, clean: 0, naive: 0, tp: 0, fp: 0, fn: 0, errors: 0, precision: 1, recall: 1 };
      scores.set(ruleId, score);
    }
    return score;
  };
  for (const c of cases) {
    const own = scoreOf(c.ruleId);
    own.cases++;
    if (c.expected.length === 0) own.clean++;
    if (c.naive) own.naive++;
    const result = scan(c);
    for (const error of result.errors) {
      scoreOf(c.ruleId).errors++;
      mismatches.push({ caseName: c.name, kind: 'error', ruleId: c.ruleId, file: error.file, message: error.message });
    }
    const unmatched = countKeys(c.expected);
    for (const f of result.findings) {
      const key = keyOf(f);
      const left = unmatched.get(key) ?? 0;
      if (left > 0) {
        unmatched.set(key, left - 1);
        scoreOf(f.ruleId).tp++;
      } else {
        scoreOf(f.ruleId).fp++;
        mismatches.push({ caseName: c.name, kind: 'FP', ruleId: f.ruleId, file: f.file, line: f.line });
      }
    }
    for (const e of c.expected) {
      const key = keyOf(e);
      const left = unmatched.get(key) ?? 0;
      if (left === 0) continue;
      unmatched.set(key, left - 1);
      scoreOf(e.ruleId).fn++;
      mismatches.push({ caseName: c.name, kind: 'FN', ruleId: e.ruleId, file: e.file, line: e.line });
    }
  }
  const rules = [...scores.values()].sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  for (const s of rules) {
    // With nothing reported there is nothing wrong to report, and with nothing expected nothing to miss.
    s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
    s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  }
  return { rules, mismatches };
}

/** True when every rule is at 100% precision and recall and no case failed to scan. @param {AccuracyReport} report */
export function isPerfect(report) {
  return report.rules.every((s) => s.fp === 0 && s.fn === 0 && s.errors === 0);
}

/** @param {ExpectedFinding} f */
function keyOf(f) {
  return `${f.ruleId} ${f.file}:${f.line}`;
}

/** @param {readonly ExpectedFinding[]} findings */
function countKeys(findings) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const f of findings) counts.set(keyOf(f), (counts.get(keyOf(f)) ?? 0) + 1);
  return counts;
}
