import { resolveConfig, ruleIds } from './dist/index.js';
import { parseSource } from './dist/parse/parse-source.js';
import { summarizeFile } from './dist/summary/summarize-file.js';
const config = resolveConfig({}, 'defaults', ruleIds);
const nest = (n, f) => { let e = 'x0'; for (let i = 1; i <= n; i++) e = f(e, i); return e; };
const shapes = {
  callArgs: (e, i) => `f(${e}, g${i}, false)`,
  callArgsFn: (e, i) => `f(${e}, (a) => a, 'x')`,
  every: (e, i) => `every(${e}, m${i})`,
  cond: (e, i) => `c${i} ? ${e} : m${i}`,
  arr: (e, i) => `[${e}, m${i}]`,
  member: (e, i) => `(${e}).m${i}(h${i})`,
  unless: (e, i) => `(${e}).unless({ path: ['/p${i}'] })`,
  template: (e, i) => `\`\${${e}}/${i}\``,
  concat: (e, i) => `(${e}) + s${i}`,
  obj: (e, i) => `{ a${i}: ${e}, b: token }`,
  spreadObj: (e, i) => `{ ...${e}, t${i}: secret }`,
  logCall: (e, i) => `fmt(${e}, password, ${e.length > 2000 ? 'x' : 'y'})`,
};
for (const [name, f] of Object.entries(shapes)) {
  for (const n of [10, 20]) {
    const expr = nest(n, f);
    const code = `import express from 'express'; import { every } from 'hono/combine';\nconst app = express();\nexport const cfg = ${expr};\napp.use('/admin', ${expr});\napp.get('/admin/x', ${expr}, h);\nconsole.log(${expr});\nfunction fmt(a, b, c) { return a + b + c; }\nexport function w(p) { return ${expr.replace(/x0/, 'p')}; }\n`;
    const t = performance.now();
    const s = summarizeFile(parseSource('a.ts', code), '', { path: 'a.ts', config });
    const size = JSON.stringify(s).length;
    console.log(name.padEnd(10), n, 'ms', (performance.now() - t).toFixed(0).padStart(6), 'json', size);
  }
}
