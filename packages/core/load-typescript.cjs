'use strict';
// The runtime side of `#typescript` (package.json "imports"; its types are ts-morph's `ts`).
//
// ts-morph bundles its own TypeScript as @ts-morph/common/dist/typescript.js and re-exports it as
// `ts` through a frozen namespace of getters. The engine only needs that TypeScript, not ts-morph's
// 4 MB of wrappers: requiring the same file directly, resolved from ts-morph itself so it is always
// the copy ts-morph ships, saves about 200 ms of start-up per process (ESM import of ts-morph runs
// Node's CommonJS export lexer over it and compiles it) and a getter call on every `ts.X` access.
const { createRequire } = process.getBuiltinModule('node:module');

exports.ts = createRequire(require.resolve('ts-morph'))('@ts-morph/common/dist/typescript.js');
