import type { CliIo } from './cli-io.js';

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the indicator, if it was ever drawn. */
  finish(): void;
}

export interface ProgressOptions {
  /** Stay silent for scans shorter than this. */
  delayMs?: number;
  /** Redraw at most this often: terminal writes are not free. */
  intervalMs?: number;
  now?: () => number;
}

/**
 * A one-line progress indicator on stderr. The scan is synchronous, so it draws from the per-file
 * callback rather than a timer. Only on a terminal and only once the scan has run for a second:
 * piped output and quick pre-commit scans stay clean.
 */
export function createProgress(io: Pick<CliIo, 'stderr' | 'isTTY'>, options: ProgressOptions = {}): Progress {
  const now = options.now ?? (() => performance.now());
  const delayMs = options.delayMs ?? 1000;
  const intervalMs = options.intervalMs ?? 100;
  const started = now();
  let lastDraw = -Infinity;
  let drawn = false;
  if (!io.isTTY.stderr) return { update() {}, finish() {} };
  return {
    update(done, total) {
      const t = now();
      const isLast = done === total;
      if (t - started < delayMs || (!isLast && t - lastDraw < intervalMs)) return;
      lastDraw = t;
      drawn = true;
      // After the last file the rules run across the project, with no callback: say so, or a
      // frozen counter would look like a hang.
      io.stderr.write(isLast ? `\r\x1b[Kshiftguard: checking ${total} files against the rules…` : `\r\x1b[Kshiftguard: scanning ${done}/${total} files`);
    },
    finish() {
      if (drawn) io.stderr.write('\r\x1b[K');
    },
  };
}
