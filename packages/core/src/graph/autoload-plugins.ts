import { posix } from 'node:path';
import type { AutoloadOptions } from './route-facts.js';

/** A plugin file @fastify/autoload registers, with the route prefix its folder gives it. */
export interface AutoloadedPlugin {
  file: string;
  /** The folder path under the loaded folder ('' at its top, `admin/users` below), when folder names prefix routes. */
  prefix: string;
  /** `autohooks` files whose hooks run before this plugin's routes. */
  hooks: string[];
}

const SCRIPT = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const INDEX = /^index\.(?:[cm]?[jt]s|[jt]sx)$/;
const AUTOHOOKS = /^[_.]?auto_?hooks\.(?:[cm]?[jt]s|[jt]sx)$/i;

/**
 * The plugins @fastify/autoload loads from folder `dir` (root-relative) out of the project's
 * `files`, as its documentation says: every script of a folder is a plugin unless the folder has an
 * index file, then only the index; subfolders are loaded either way, under their names as route
 * prefix (`dirNameRoutePrefix`); `autohooks` files are hooks, not plugins, and with `autoHooks` they
 * apply to the plugins of their folder (`cascadeHooks`: and of its subfolders).
 */
export function autoloadedPlugins(files: Iterable<string>, dir: string, options: AutoloadOptions): AutoloadedPlugin[] {
  if (options.readdir) return listedModules(files, dir, options.readdir.fileNamePrefix);
  const byFolder = new Map<string, string[]>();
  for (const file of files) {
    if (!file.startsWith(`${dir}/`) || !SCRIPT.test(file) || DECLARATION.test(file)) continue;
    const folder = posix.dirname(file);
    const list = byFolder.get(folder);
    if (list) list.push(file);
    else byFolder.set(folder, [file]);
  }
  const hooksOf = (folder: string): string[] => (byFolder.get(folder) ?? []).filter((f) => AUTOHOOKS.test(posix.basename(f)));
  const out: AutoloadedPlugin[] = [];
  for (const folder of [...byFolder.keys()].sort()) {
    const scripts = (byFolder.get(folder) ?? []).sort();
    const index = scripts.find((f) => INDEX.test(posix.basename(f)));
    const plugins = index ? [index] : scripts.filter((f) => !AUTOHOOKS.test(posix.basename(f)));
    const relative = folder === dir ? '' : folder.slice(dir.length + 1);
    const hooks = options.autoHooks ? (options.cascadeHooks ? foldersDownTo(dir, folder).flatMap(hooksOf) : hooksOf(folder)) : [];
    for (const file of plugins) out.push({ file, prefix: options.dirNamePrefix ? relative : '', hooks });
  }
  return out;
}

/**
 * What `require(join(dir, name))` loads for each `name` of `readdirSync(dir)`: a script of the
 * folder, or a subfolder's index, named by its file name without the extension (or the subfolder's).
 */
function listedModules(files: Iterable<string>, dir: string, fileNamePrefix: boolean): AutoloadedPlugin[] {
  const out: AutoloadedPlugin[] = [];
  for (const file of files) {
    if (!file.startsWith(`${dir}/`) || !SCRIPT.test(file) || DECLARATION.test(file)) continue;
    const [name = '', ...below] = file.slice(dir.length + 1).split('/');
    if (below.length > 1 || (below.length === 1 && !INDEX.test(below[0] ?? ''))) continue;
    const stem = below.length === 0 ? name.replace(SCRIPT, '') : name;
    out.push({ file, prefix: fileNamePrefix ? stem : '', hooks: [] });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** `dir` and every folder between it and `folder`, outermost first. */
function foldersDownTo(dir: string, folder: string): string[] {
  const out = [dir];
  const rest = folder === dir ? [] : folder.slice(dir.length + 1).split('/');
  for (let i = 1; i <= rest.length; i++) out.push(`${dir}/${rest.slice(0, i).join('/')}`);
  return out;
}
