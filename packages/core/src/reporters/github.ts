import { compareFindings, type Finding, type ScanError } from '../findings/finding.js';
import type { Reporter } from './reporter.js';

/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding and per file that
 * could not be scanned. Baselined findings become notices: visible, but never a red mark on a PR.
 */
const github: Reporter = (result) => {
  const lines = [...result.findings].sort(compareFindings).map(findingCommand);
  for (const error of result.errors) lines.push(errorCommand(error));
  return lines.length ? `${lines.join('\n')}\n` : '';
};

export default github;

function findingCommand(f: Finding): string {
  const level = f.baselineState === 'unchanged' ? 'notice' : f.severity;
  const title = f.baselineState === 'unchanged' ? `${f.ruleId} (baseline)` : f.ruleId;
  const props = { file: f.file, line: f.line, endLine: f.endLine, col: f.column, endColumn: f.endColumn, title };
  return command(level, props, f.message);
}

function errorCommand(e: ScanError): string {
  const props: Record<string, string | number> = { title: `shiftguard ${e.kind} error` };
  if (e.file !== undefined) props.file = e.file;
  if (e.line !== undefined) props.line = e.line;
  if (e.column !== undefined) props.col = e.column;
  return command('error', props, e.message);
}

function command(level: string, props: Record<string, string | number>, message: string): string {
  const list = Object.entries(props).map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${level} ${list.join(',')}::${escapeData(message)}`;
}

/** The escaping of @actions/core: `%`, CR and LF in data; also `:` and `,` in properties. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
