import type { ProjectModel } from '../project/project-model.js';
import { closure } from '../project/closure.js';
import { specifiersOf } from '../summary/module-facts.js';
import { mayServeNetwork, servesNetwork } from './network-server.js';

/** The MCP SDK's stdio transport: the server is a child process of the user's MCP host. */
function isStdioTransport(specifier: string): boolean {
  return /^@modelcontextprotocol\/sdk\/server\/stdio(?:\.js)?$/.test(specifier);
}

/** Hosts whose programs run for one user: an Electron app's main process, a VS Code extension, a GitHub Action's job. */
const ONE_USER_HOSTS: ReadonlySet<string> = new Set(['electron', 'vscode', '@actions/core']);

/**
 * A process that runs for the one user at the machine: a stdio MCP server, an Electron app (its
 * main process imports `electron`) or a VS Code extension (it imports `vscode`), which keep that
 * user's credentials in their profile, or a GitHub Action (`@actions/core`), on the job's runner.
 */
function runsForOneUser(specifier: string): boolean {
  return isStdioTransport(specifier) || ONE_USER_HOSTS.has(specifier);
}

/**
 * Files that only run on a developer's or user's own machine: every entry file (a project file no
 * other imports) that reaches them is a developer script (see script-file.ts) or a stdio MCP server
 * (it connects the SDK's stdio transport, run by the user's MCP host for that user alone, like a
 * command-line tool) or an Electron app's main process, and serves nothing over the network with
 * all it imports. Any other entry
 * reaching a file (a server, `bin/www` starting Express, a stdio server that also offers the HTTP
 * transport) makes it server code. Built once per scan.
 */
export function localToolFiles(project: ProjectModel): ReadonlySet<string> {
  return project.memo('local-tool-files', buildLocalToolFiles);
}

function buildLocalToolFiles(project: ProjectModel): ReadonlySet<string> {
  const files = [...project.files.keys()];
  const importsOf = (file: string, test: (specifier: string) => boolean) => loadedSpecifiers(project, file).some(test);
  const isScript = (file: string) => project.files.get(file)?.flow.script === true;
  if (!files.some((f) => isScript(f) || importsOf(f, runsForOneUser))) return new Set();
  const deps = new Map(files.map((f) => [f, projectDependencies(project, f)]));
  const imported = new Set([...deps.values()].flatMap((d) => d));
  const reachable = (starts: readonly string[]) => closure(starts, (f) => deps.get(f) ?? []);
  const toolEntries: string[] = [];
  const serverEntries: string[] = [];
  for (const entry of files.filter((f) => !imported.has(f))) {
    // A stdio server or a desktop app may use `http` for its own loopback login; a script using it may be starting a server.
    const network = importsOf(entry, runsForOneUser) ? servesNetwork : isScript(entry) ? mayServeNetwork : undefined;
    const local = network !== undefined && ![...reachable([entry])].some((f) => importsOf(f, network));
    (local ? toolEntries : serverEntries).push(entry);
  }
  if (toolEntries.length === 0) return new Set();
  const server = reachable(serverEntries);
  return new Set([...reachable(toolEntries)].filter((f) => !server.has(f)));
}

/**
 * A developer script (shebang, `scripts/`, `bin/`: see script-file.ts), unless it loads a server
 * later, in a mode (`if (http) await import('./http.js')` of a module starting Express, or
 * `await import('express')`): then it is server code like any other entry. A script importing the
 * app's modules statically (to seed a database, to print the routes) stays a script. Built once per scan.
 */
export function isDeveloperScript(project: ProjectModel, file: string): boolean {
  return project.files.get(file)?.flow.script === true && !project.memo('serving-scripts', buildServingScripts).has(file);
}

function buildServingScripts(project: ProjectModel): ReadonlySet<string> {
  const serving = new Set<string>();
  for (const [script, summary] of project.files) {
    if (!summary.flow.script) continue;
    const loadsServer = (summary.flow.dynamicImports ?? []).some(({ specifier }) => {
      if (servesNetwork(specifier)) return true;
      const target = project.resolveModule(script, specifier);
      return target !== undefined && [...closure([target], (f) => projectDependencies(project, f))].some((f) => loadedSpecifiers(project, f).some(servesNetwork));
    });
    if (loadsServer) serving.add(script);
  }
  return serving;
}

/**
 * Every module `file` imports, loads or re-exports, and loads later (`await import('../src/commands/login.js')`
 * in a command's branch, `await import('express')` when an HTTP mode is asked for).
 */
function loadedSpecifiers(project: ProjectModel, file: string): string[] {
  const summary = project.files.get(file);
  return [...specifiersOf(summary?.module), ...(summary?.flow.dynamicImports ?? []).map((d) => d.specifier)];
}

/** The project files `file` imports, loads or re-exports. */
function projectDependencies(project: ProjectModel, file: string): string[] {
  const out = new Set<string>();
  for (const specifier of loadedSpecifiers(project, file)) {
    const target = project.resolveModule(file, specifier);
    if (target !== undefined && target !== file && project.files.has(target)) out.add(target);
  }
  return [...out];
}
