import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { emptyFlowFacts } from '../flow/flow-facts.js';
import { emptyRouteFacts } from '../graph/route-facts.js';
import { parseSource } from '../parse/parse-source.js';
import { ruleIds } from '../rules/index.js';
import { summarizeFile } from './summarize-file.js';

const CODE = `import express from 'express';
const app = express();
app.get('/admin/users', (req, res) => { console.log(req.headers.authorization); res.json([]); });
`;

describe('summarizeFile', () => {
  const sf = parseSource('src/app.ts', CODE);
  const config = resolveConfig({}, 'test', ruleIds);

  it('extracts every section by default', () => {
    const summary = summarizeFile(sf, '', { path: 'src/app.ts', config });
    expect(summary.routes.registrations).not.toEqual([]);
    expect(summary.flow.logCalls).not.toEqual([]);
  });

  it('extracts only the sections asked for, leaving the others empty', () => {
    const flowOnly = summarizeFile(sf, '', { path: 'src/app.ts', config, sections: new Set(['flow']) });
    expect(flowOnly.routes).toEqual(emptyRouteFacts());
    expect(flowOnly.flow.logCalls).not.toEqual([]);
    const routesOnly = summarizeFile(sf, '', { path: 'src/app.ts', config, sections: new Set(['routes']) });
    expect(routesOnly.flow).toEqual(emptyFlowFacts());
    expect(routesOnly.module.imports).toEqual(flowOnly.module.imports);
  });

  it('for log calls only, keeps the flow of a file whose log calls carry values, and drops it otherwise', () => {
    const wrapper = `function audit(value: string) { console.log(value); }\nexport function login(password: string) { audit(password); }\n`;
    const logsOnly = (code: string) => summarizeFile(parseSource('src/a.ts', code), '', { path: 'src/a.ts', config, sections: new Set(['logs']) }).flow;
    expect(logsOnly(wrapper).calls.map((c) => c.callee)).toEqual(['audit']);
    const silent = `function audit(value: string) { console.log('audited'); return value; }\nexport function login(password: string) { return audit(password); }\n`;
    expect(logsOnly(silent)).toEqual(emptyFlowFacts());
    expect(summarizeFile(parseSource('src/a.ts', silent), '', { path: 'src/a.ts', config }).flow.functions).not.toEqual([]);
  });
});
