import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../config/config.js';
import { parseSource } from '../../../parse/parse-source.js';
import { extractRouteFacts } from '../../route-facts.js';
import nest from './index.js';

// Nest is decorator-based: the method-call conformance suite does not apply, so its facts are
// checked directly here and its verdicts in the corpus.
const facts = (code: string) => extractRouteFacts(parseSource('src/x.controller.ts', code), { path: 'src/x.controller.ts', config: resolveConfig({}) });

describe('adapter: nest', () => {
  const code = `import { Controller, Get, Post, UseGuards } from '@nestjs/common';
@Controller({ path: 'admin' })
@UseGuards(AGuard)
export class AdminController {
  @Get() index() { return []; }
  @Post(['users', 'members']) @UseGuards(BGuard) create() { return {}; }
}`;

  it('detects @nestjs imports', () => {
    expect(nest.detects([{ local: 'Controller', imported: 'Controller', specifier: '@nestjs/common' }])).toBe(true);
  });

  it('turns a controller into an instance with its prefix, class guards and routes', () => {
    const f = facts(code);
    expect(f.instances.map((i) => [i.framework, i.prefix])).toEqual([['nest', { parts: ['/', 'admin'] }]]);
    const kinds = f.registrations.map((r) => r.kind);
    expect(kinds).toEqual(['use', 'route', 'route']);
    const routes = f.registrations.filter((r) => r.kind === 'route');
    expect(routes.map((r) => r.kind === 'route' && [r.methods, r.paths.length, r.guards.length])).toEqual([
      [['get'], 1, 0],
      [['post'], 2, 1],
    ]);
  });

  it('reads setGlobalPrefix exclusions, with their methods', () => {
    const f = facts(`import { NestFactory } from '@nestjs/core';
import { RequestMethod } from '@nestjs/common';
const app = await NestFactory.create(AppModule);
app.setGlobalPrefix('internal', { exclude: ['health', { path: 'hooks/(.*)', method: RequestMethod.POST }, { path: 'docs', method: RequestMethod.ALL }, someList] });`);
    const app = f.instances.find((i) => i.prefix !== undefined);
    expect(app?.prefixExclude).toEqual([
      { path: { parts: ['health'] } },
      { path: { parts: ['hooks/(.*)'] }, method: 'post' },
      { path: { parts: ['docs'] } },
    ]);
  });

  it('turns consumer.apply(...).forRoutes(...) into orderless middleware', () => {
    const f = facts(`import { Module, RequestMethod } from '@nestjs/common';
@Module({ controllers: [AdminController] })
export class AppModule {
  configure(consumer) {
    consumer.apply(StaffMiddleware, audit).exclude('admin/login').forRoutes(AdminController, { path: 'internal/(.*)', method: RequestMethod.ALL }, 'ops');
  }
}`);
    const uses = f.registrations.filter((r) => r.kind === 'use');
    expect(uses.map((r) => r.kind === 'use' && [r.target, r.paths, r.handlers.length, r.orderless])).toEqual([
      [{ name: 'AdminController' }, undefined, 2, true],
      [{ instance: f.instances[0]?.id }, [{ parts: ['/internal/*'] }, { parts: ['/ops'] }], 2, true],
    ]);
  });

  it("reads the project's composed decorators as guards, not a package's", () => {
    const f = facts(`import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { Auth } from './auth.decorator.js';
@ApiBearerAuth()
@Auth('admin')
@Controller('admin')
export class AdminController extends AdminBase {
  @Get('users') list() { return []; }
}`);
    const use = f.registrations.find((r) => r.kind === 'use');
    expect(use?.kind === 'use' && use.handlers.map((h) => (h.kind === 'call' || h.kind === 'name' ? h.kind + ':' + (h.kind === 'call' ? h.callee : h.name) : h.kind))).toEqual(['call:Auth', 'name:AdminBase.@inherited']);
  });

  it('keeps class-level guards of any class for its subclasses', () => {
    const f = facts(`import { UseGuards } from '@nestjs/common';
@UseGuards(JwtGuard)
export abstract class AdminBase {}`);
    expect(f.aliases['AdminBase.@inherited']).toEqual({ kind: 'list', items: [{ kind: 'name', name: 'JwtGuard' }] });
  });

  it('a passport guard whose handleRequest never throws does not delegate to AuthGuard', () => {
    const f = facts(`import { AuthGuard } from '@nestjs/passport';
export class OptionalJwt extends AuthGuard('jwt') { handleRequest(err, user) { return user; } }
export class StrictJwt extends AuthGuard('jwt') { handleRequest(err, user) { if (err || !user) throw err || new UnauthorizedException(); return user; } }
export class PlainJwt extends AuthGuard('jwt') {}`);
    expect(['OptionalJwt', 'StrictJwt', 'PlainJwt'].map((n) => f.functions[n]?.delegates.length)).toEqual([0, 1, 1]);
  });

  it('judges a guard class by canActivate', () => {
    const f = facts(`import { Injectable } from '@nestjs/common';
export class AllowGuard { canActivate() { return true; } }
export class DenyGuard { canActivate(ctx) { return ctx.switchToHttp().getRequest().user !== undefined; } }`);
    expect(f.functions['AllowGuard']?.rejects).toBe(false);
    expect(f.functions['DenyGuard']?.rejects).toBe(true);
  });

  it.each([
    ['Reflector.getAllAndOverride', 'constructor(private reflector: Reflector) {}\n  canActivate(c) { if (this.reflector.getAllAndOverride(IS_PUBLIC, [c.getHandler()])) return true; return check(c); }', true],
    ['reflect-metadata', 'canActivate(c) { if (Reflect.getMetadata("isPublic", c.getHandler())) return true; return check(c); }', true],
    ['no metadata read', 'canActivate(c) { if (!c.switchToHttp().getRequest().user) throw new UnauthorizedException(); return true; }', false],
  ])('records whether a guard class reads route metadata (@Public can switch it off): %s', (_name, body, expected) => {
    const f = facts(`import { Injectable } from '@nestjs/common';\nexport class ApiGuard {\n  ${body}\n}`);
    expect(f.functions['ApiGuard']?.readsRouteMetadata).toBe(expected);
  });

  it.each(['Public', 'Unprotected', 'SkipAuthentication', 'PublicRoute', 'AllowAnonymous'])('@%s() opts the route out of inherited guards', (name) => {
    const f = facts(`import { Controller, Get } from '@nestjs/common';\n@Controller('admin')\nexport class AdminController {\n  @${name}() @Get('x') x() { return 1; }\n  @Get('y') y() { return 2; }\n}`);
    expect(f.registrations.flatMap((r) => (r.kind === 'route' ? [r.skipsInheritedGuards] : []))).toEqual([true, false]);
  });
});
