import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

function fakeTerminal(isTTY: boolean) {
  const writes: string[] = [];
  let time = 0;
  return {
    writes,
    tick: (ms: number) => (time += ms),
    io: { stderr: { write: (s: string) => writes.push(s) }, isTTY: { stdout: false, stderr: isTTY } },
    now: () => time,
  };
}

describe('progress indicator', () => {
  it('stays silent during the first second, then draws on stderr and erases itself', () => {
    const t = fakeTerminal(true);
    const progress = createProgress(t.io, { now: t.now });
    t.tick(500);
    progress.update(10, 100);
    expect(t.writes).toEqual([]);
    t.tick(600);
    progress.update(50, 100);
    expect(t.writes).toEqual(['\r\x1b[Kshiftguard: scanning 50/100 files']);
    t.tick(10);
    progress.update(51, 100); // redraws are throttled
    expect(t.writes).toHaveLength(1);
    progress.update(100, 100); // the last file always shows the rule phase, throttle or not
    expect(t.writes.at(-1)).toBe('\r\x1b[Kshiftguard: checking 100 files against the rules…');
    progress.finish();
    expect(t.writes.at(-1)).toBe('\r\x1b[K');
  });

  it('never draws when stderr is not a terminal', () => {
    const t = fakeTerminal(false);
    const progress = createProgress(t.io, { now: t.now });
    t.tick(5000);
    progress.update(1, 2);
    progress.finish();
    expect(t.writes).toEqual([]);
  });

  it('leaves a quick scan untouched, even on a terminal', () => {
    const t = fakeTerminal(true);
    const progress = createProgress(t.io, { now: t.now });
    progress.update(1, 1);
    progress.finish();
    expect(t.writes).toEqual([]);
  });
});
