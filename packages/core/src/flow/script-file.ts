/** Folders of developer tooling and of test support the default test globs miss (Jasmine's `spec/` at the root only: `src/spec/` may hold an API spec). */
const SCRIPT_FOLDER =
  /(?:^|\/)(?:scripts?|bin|tools|scaffold(?:ing)?|__mocks__|__fixtures__|fixtures|e2e|cypress|playwright|test-?utils|test-?helpers|test-?support|testing)\/|^specs?\//;
/** Test support by file name: `*.e2e.ts`, `*.mock.ts`, stories. */
const TEST_SUPPORT_SUFFIX = /\.(?:e2e|mock|mocks|fixture|stories)\.[cm]?[jt]sx?$/;
/**
 * Files a test runner loads, wherever they sit: `jest.setup.ts`, `vitest.global-setup.ts`,
 * `playwright.config.ts`, CRA's `src/setupTests.ts`, `global-setup.ts`, `test-setup.ts`.
 */
const TEST_RUNNER_FILE = /^(?:(?:jest|vitest|mocha|ava|karma|playwright|cypress|wdio)\.[\w.-]+|setup-?tests|test-?setup|global-?(?:setup|teardown))(?:[-_.][\w-]+)?\.[cm]?[jt]sx?$/i;
/**
 * A setup-style script (`setup-env.mjs`, `generate-keys.ts`), or a database seed an ORM's command
 * runs (`prisma/seed.ts` of `prisma db seed`, `seed-dev.ts`), when it sits outside the source folders.
 */
const SETUP_SCRIPT = /^(?:setup|init|scaffold|bootstrap|generate|gen|create|seed)(?:[-_.][\w-]+)?\.[cm]?[jt]s$/;
/**
 * A build tool's config or task file (`vite.config.ts`, `webpack.config.js`, `gulpfile.js`): it runs
 * on a developer's machine or in CI, never in the deployed server. Not the configs a framework
 * loads when the server starts (`next.config.js`, `nuxt.config.ts`).
 */
const BUILD_TOOL_FILE = /^(?:(?:vite|webpack|rollup|rspack|rsbuild|tsup|esbuild|babel|postcss|tailwind|eslint|prettier|stylelint|commitlint)\.config(?:\.[\w-]+)?|gulpfile(?:\.babel)?|gruntfile)\.[cm]?[jt]s$/i;
const SOURCE_FOLDER = /(?:^|\/)(?:src|lib|app|server|api)\//;
/**
 * A command-line program's own folder (`src/cli/commands/init.ts`): what it writes, it writes on
 * the machine of whoever runs the command (an operator's `init`, a user's `login`), like a script.
 */
const CLI_FOLDER = /(?:^|\/)cli\//;
/**
 * A program that asks its user at the terminal (`readline.createInterface({ input: process.stdin })`,
 * also with `stdin` taken from the module, `import { stdin as input } from 'node:process'` as Node's
 * `readline/promises` examples write it; inquirer, prompts, enquirer): someone runs it by hand, as a
 * script, whatever folder it sits in.
 */
const TERMINAL_PROMPT =
  /\bprocess\.stdin\b|\{[^}]*\bstdin\b[^}]*\}\s*(?:from\s*['"](?:node:)?process['"]|=\s*(?:require\(\s*['"](?:node:)?process['"]\s*\)|process\b))|['"](?:@inquirer\/prompts|inquirer|prompts|enquirer|@clack\/prompts)['"]/;

/**
 * Developer tooling, not the server: a shebang, a `cli/` folder or a prompt at the terminal (unless the file serves the
 * network itself: `npx my-server` starts an Express app or an HTTP MCP transport from a shebang
 * file, a CLI's `serve` command does from its folder), a `scripts/`,
 * `bin/`, `tools/` or `scaffold/` folder, test support the default test globs miss (`__mocks__/`,
 * `fixtures/`, `test-utils/`, `testing/`, `e2e/`, Cypress and Playwright folders, `*.e2e.ts`,
 * `*.mock.ts`, a test runner's setup and config files), a build tool's config or task file, or a setup-style file (`setup-env.ts`,
 * `generate-keys.mjs`, a database seed) outside the source folders.
 *
 * @param servesNetwork whether the file imports a web framework or an HTTP transport (asked only of shebang and `cli/` files)
 */
export function isScriptFile(text: string, path: string, servesNetwork: () => boolean = () => false): boolean {
  if (SCRIPT_FOLDER.test(path) || TEST_SUPPORT_SUFFIX.test(path)) return true;
  if (text.startsWith('#!') || CLI_FOLDER.test(path) || TERMINAL_PROMPT.test(text)) return !servesNetwork();
  const base = path.slice(path.lastIndexOf('/') + 1);
  return TEST_RUNNER_FILE.test(base) || BUILD_TOOL_FILE.test(base) || (!SOURCE_FOLDER.test(path) && SETUP_SCRIPT.test(base));
}
