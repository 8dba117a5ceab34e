import { describe, expect, it } from 'vitest';
import { parseCliArgs, type Command } from './args.js';
import { UsageError } from './usage-error.js';

const scanOptions = (argv: string[]) => {
  const command = parseCliArgs(['scan', ...argv]) as Extract<Command, { name: 'scan' }>;
  return command.options;
};

describe('parseCliArgs', () => {
  it('fills the defaults of the contract', () => {
    expect(scanOptions([])).toEqual({ paths: ['.'], format: 'text', staged: false, failOn: 'error', quiet: false });
  });

  it('reads every scan option', () => {
    const options = scanOptions(['src', 'lib/a.ts', '-f', 'sarif', '-o', 'out.sarif', '-c', 'sg.json', '--baseline', 'b.json', '--no-cache', '--no-color', '-q', '--fail-on', 'warning']);
    expect(options).toEqual({
      paths: ['src', 'lib/a.ts'],
      format: 'sarif',
      output: 'out.sarif',
      config: 'sg.json',
      baseline: 'b.json',
      staged: false,
      failOn: 'warning',
      quiet: true,
      cache: false,
      color: false,
    });
    expect(scanOptions(['--staged', '--cache', '--color'])).toMatchObject({ staged: true, cache: true, color: true });
    expect(scanOptions(['--changed-since', 'origin/main'])).toMatchObject({ changedSince: 'origin/main' });
  });

  it('gives baseline a default output file', () => {
    expect(parseCliArgs(['baseline'])).toMatchObject({ name: 'baseline', options: { output: 'shiftguard-baseline.json' } });
    expect(parseCliArgs(['baseline', 'src', '-o', 'b.json'])).toMatchObject({ options: { paths: ['src'], output: 'b.json' } });
  });

  it('hands init its raw arguments', () => {
    expect(parseCliArgs(['init', '--force'])).toEqual({ name: 'init', args: ['--force'] });
  });

  it.each([
    [['scan', '--nope'], /Unknown option '--nope'/],
    [['scan', '--format'], /--format/],
    [['scan', '--format', 'html'], /invalid --format "html"/],
    [['scan', '--output', ''], /--output needs a value/],
    [['scan', '--rule', 'not-a-rule'], /unknown rule "not-a-rule"/],
    [['scan', '--rule', ','], /--rule needs a rule id/],
    [['scan', '--staged', '--changed-since', 'main'], /cannot be combined/],
    [['rules', '--format', 'sarif'], /invalid --format "sarif": use text, json/],
    [['rules', 'extra'], /takes no arguments/],
    [['frob'], /unknown command "frob"/],
    [['--staged'], /expected a command before "--staged"/],
    [[], /missing command/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
