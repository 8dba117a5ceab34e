import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../parse/parse-source.js';
import { ts } from '../../../parse/typescript.js';
import { decoratorsOf, moduleClassNameOf } from './decorators.js';

/** The first class of `code` and its method `member`. */
function classIn(code: string, member?: string) {
  const sf = parseSource('a.ts', code);
  let cls: ts.ClassLikeDeclaration | undefined;
  const find = (n: ts.Node): void => {
    if (!cls && (ts.isClassDeclaration(n) || ts.isClassExpression(n))) cls = n;
    else ts.forEachChild(n, find);
  };
  find(sf);
  if (!cls) throw new Error('no class');
  const method = cls.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && m.name.getText() === member);
  return { cls, method };
}

const names = (node: ts.HasDecorators) => decoratorsOf(node).map((d) => ({ name: d.name, ref: d.ref, root: d.root }));

describe('decoratorsOf', () => {
  it('reads written decorators', () => {
    const { cls, method } = classIn("@Controller('admin') class A { @Get('x') list() {} }", 'list');
    expect(names(cls)).toEqual([{ name: 'Controller', ref: 'Controller', root: 'Controller' }]);
    expect(names(method as ts.MethodDeclaration)).toEqual([{ name: 'Get', ref: 'Get', root: 'Get' }]);
  });

  it("reads tsc's CommonJS __decorate calls, without its metadata helpers", () => {
    const code = [
      'let AdminController = class AdminController { list() {} static find() {} };',
      "__decorate([(0, common_1.Get)('users'), __metadata('design:type', Function)], AdminController.prototype, 'list', null);",
      "__decorate([common_1.Get(':id')], AdminController, 'find', null);",
      "exports.AdminController = AdminController = tslib_1.__decorate([(0, common_1.Controller)('admin'), (0, common_1.UseGuards)(guard_1.AuthGuard)], AdminController);",
    ].join('\n');
    const { cls, method } = classIn(code, 'list');
    expect(names(cls)).toEqual([
      { name: 'Controller', ref: 'common_1.Controller', root: 'common_1' },
      { name: 'UseGuards', ref: 'common_1.UseGuards', root: 'common_1' },
    ]);
    expect(names(method as ts.MethodDeclaration)).toEqual([{ name: 'Get', ref: 'common_1.Get', root: 'common_1' }]);
    expect(names(classIn(code, 'find').method as ts.MethodDeclaration)).toEqual([{ name: 'Get', ref: 'common_1.Get', root: 'common_1' }]);
  });

  it("reads SWC's _ts_decorate calls", () => {
    const code = [
      'class AdminController { list() {} }',
      "_ts_decorate([(0, _common.Get)('users'), _ts_metadata('design:type', Function)], AdminController.prototype, 'list', null);",
      "AdminController = _ts_decorate([(0, _common.Controller)('admin')], AdminController);",
    ].join('\n');
    const { cls, method } = classIn(code, 'list');
    expect(names(cls)).toEqual([{ name: 'Controller', ref: '_common.Controller', root: '_common' }]);
    expect(names(method as ts.MethodDeclaration)).toEqual([{ name: 'Get', ref: '_common.Get', root: '_common' }]);
  });
});

describe('moduleClassNameOf', () => {
  it.each([
    ['class A {}', 'A'],
    ['let B = class B {};', 'B'],
    ['const C = class {};', 'C'],
    ['function f() { class D {} }', undefined],
    ['function f() { let E = class E {}; }', undefined],
  ])('%s', (code, expected) => {
    expect(moduleClassNameOf(classIn(code).cls)).toBe(expected);
  });
});
