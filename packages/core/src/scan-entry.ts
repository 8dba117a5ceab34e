// `@shiftguard/core/scan`: what a scan needs, without the reporters the main entry also loads. The
// CLI imports this (and `@shiftguard/core/reporters` for the one format it prints), so a
// pre-commit scan loads no module it does not run. Same modules as the main entry: same classes.
export { scanProject, loadProjectConfig, CONFIG_FILE_NAME, type ScanProjectOptions, type ProjectSnapshot } from './scan-project.js';
export { ruleIds } from './rules/index.js';
export type { Finding, ScanError, ScanResult, Severity } from './findings/finding.js';
export { ConfigError, ParseError, InternalError, ShiftguardError } from './errors.js';
export { isSourcePath } from './project/discover-files.js';
export { textOfBytes } from './text/text-of-bytes.js';
export { applyBaseline, createBaseline, readBaselineFile, isNewFinding, type Baseline } from './findings/baseline.js';
