import type { ProjectModel } from '../project/project-model.js';
import { specifiersOf } from '../summary/module-facts.js';
import { servesNetwork } from './network-server.js';

/** The MCP SDK's stdio transport: the server is a child process of the user's MCP host. */
function isStdioTransport(specifier: string): boolean {
  return /^@modelcontextprotocol\/sdk\/server\/stdio(?:\.js)?$/.test(specifier);
}

/**
 * Files that only run inside a local stdio MCP server: every entry file (a project file no other
 * imports) that reaches them connects the SDK's stdio transport and, with all it imports, serves
 * nothing over the network; developer scripts may reach them too. Such a server runs on the user's
 * own machine for the user alone, like a command-line tool, so the tokens it keeps are that user's
 * own. An entry that also offers an HTTP transport, or any other entry reaching the file, makes it
 * server code. Built once per scan; empty (and cheap) for projects that never import the stdio transport.
 */
export function localToolFiles(project: ProjectModel): ReadonlySet<string> {
  return project.memo('local-tool-files', buildLocalToolFiles);
}

function buildLocalToolFiles(project: ProjectModel): ReadonlySet<string> {
  const files = [...project.files.keys()];
  const importsOf = (file: string, test: (specifier: string) => boolean) => specifiersOf(project.files.get(file)?.module).some(test);
  if (!files.some((f) => importsOf(f, isStdioTransport))) return new Set();
  const deps = new Map(files.map((f) => [f, projectDependencies(project, f)]));
  const imported = new Set([...deps.values()].flatMap((d) => d));
  const entries = files.filter((f) => !imported.has(f));
  const stdioEntries: string[] = [];
  const serverEntries: string[] = [];
  for (const entry of entries) {
    const stdioOnly = importsOf(entry, isStdioTransport) && ![...reachable([entry], deps)].some((f) => importsOf(f, servesNetwork));
    if (stdioOnly) stdioEntries.push(entry);
    else if (project.files.get(entry)?.flow.script !== true) serverEntries.push(entry);
  }
  if (stdioEntries.length === 0) return new Set();
  const server = reachable(serverEntries, deps);
  return new Set([...reachable(stdioEntries, deps)].filter((f) => !server.has(f)));
}

/** The project files `file` imports, loads or re-exports. */
function projectDependencies(project: ProjectModel, file: string): string[] {
  const out = new Set<string>();
  for (const specifier of specifiersOf(project.files.get(file)?.module)) {
    const target = project.resolveModule(file, specifier);
    if (target !== undefined && target !== file && project.files.has(target)) out.add(target);
  }
  return [...out];
}

/** The files reachable from `starts` (included) along `deps`. */
function reachable(starts: readonly string[], deps: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set(starts);
  const queue = [...starts];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const next of deps.get(file) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}
