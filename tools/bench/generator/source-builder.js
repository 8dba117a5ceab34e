const MARK = /^(\s*)@@violation\(([a-z-]+)\)@@/;

/**
 * Prefixes a line of generated code with a marker saying that `ruleId` must report on it. The
 * marker is removed when the line reaches a SourceBuilder, which records the line number: templates
 * can mark a line deep inside a nested chunk without counting lines themselves.
 * @param {string} ruleId
 * @param {string} line
 */
export function markViolation(ruleId, line) {
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  return `${indent}@@violation(${ruleId})@@${line.slice(indent.length)}`;
}

/**
 * Accumulates a source file line by line and remembers where planted violations start, so the
 * benchmark can say how many of them the scan found.
 */
export class SourceBuilder {
  constructor() {
    /** @type {string[]} */
    this.lines = [];
    /** @type {Array<{ ruleId: string, line: number }>} */
    this.violations = [];
  }

  /** @param {...string} chunks multi-line strings are split into lines */
  add(...chunks) {
    for (const chunk of chunks) {
      for (const line of chunk.split('\n')) {
        const mark = MARK.exec(line);
        if (mark) this.violations.push({ ruleId: mark[2] ?? '', line: this.lines.length + 1 });
        this.lines.push(mark ? (mark[1] ?? '') + line.slice(mark[0].length) : line);
      }
    }
    return this;
  }

  /**
   * Adds code whose first line is where `ruleId` must report (the call expression's start).
   * @param {string} ruleId
   * @param {string} chunk
   */
  violation(ruleId, chunk) {
    return this.add(markViolation(ruleId, chunk));
  }

  toString() {
    return `${this.lines.join('\n')}\n`;
  }
}
