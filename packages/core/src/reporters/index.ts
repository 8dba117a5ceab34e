import github from './github.js';
import json from './json.js';
import type { Reporter, ReportFormat } from './reporter.js';
import sarif from './sarif.js';
import text from './text.js';

/** The reporter registry, one module per `--format`. */
export const reporters: Readonly<Record<ReportFormat, Reporter>> = { text, json, sarif, github };

export { REPORT_FORMATS, type Reporter, type ReporterContext, type ReportFormat } from './reporter.js';
