import type { Reporter, ReportFormat } from './reporter.js';

// One import per format: a run prints one report, and the text reporter alone brings colours and
// code frames that a JSON report in a pre-commit hook has no use for.
const loaders: Readonly<Record<ReportFormat, () => Promise<{ default: Reporter }>>> = {
  text: () => import('./text.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
};

/** The reporter for `format`, loading only its module (`reporters` in the main entry loads all four). */
export async function loadReporter(format: ReportFormat): Promise<Reporter> {
  return (await loaders[format]()).default;
}

export { REPORT_FORMATS, type Reporter, type ReporterContext, type ReportFormat } from './reporter.js';
