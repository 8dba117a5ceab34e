import type { Finding, ScanResult } from '@shiftguard/core';
import { describe, expect, it } from 'vitest';
import { exitCodeOf } from './exit-code.js';

const finding = (severity: Finding['severity'], baselineState?: Finding['baselineState']): Finding => ({
  ruleId: 'r',
  severity,
  message: 'm',
  file: 'a.ts',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  fingerprint: 'f',
  ...(baselineState ? { baselineState } : {}),
});

const result = (findings: Finding[], errors: ScanResult['errors'] = []): ScanResult => ({
  version: 1,
  findings,
  errors,
  suppressed: [],
  stats: { files: 1, durationMs: 1 },
});

describe('exitCodeOf', () => {
  it('fails on errors by default; warnings alone pass', () => {
    expect(exitCodeOf(result([]), 'error')).toBe(0);
    expect(exitCodeOf(result([finding('warning')]), 'error')).toBe(0);
    expect(exitCodeOf(result([finding('warning'), finding('error')]), 'error')).toBe(1);
  });

  it('fails on warnings with --fail-on warning, never with none', () => {
    expect(exitCodeOf(result([finding('warning')]), 'warning')).toBe(1);
    expect(exitCodeOf(result([finding('error')]), 'none')).toBe(0);
  });

  it('does not fail on findings the baseline accepted', () => {
    expect(exitCodeOf(result([finding('error', 'unchanged')]), 'error')).toBe(0);
    expect(exitCodeOf(result([finding('error', 'new')]), 'error')).toBe(1);
  });

  it('exits 2 when a file could not be scanned, whatever else was found', () => {
    const parseError = { kind: 'parse' as const, file: 'b.ts', message: 'b.ts:1:1: syntax error' };
    expect(exitCodeOf(result([], [parseError]), 'error')).toBe(2);
    expect(exitCodeOf(result([finding('error')], [parseError]), 'none')).toBe(2);
  });
});
