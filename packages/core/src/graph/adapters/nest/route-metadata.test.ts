import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../config/config.js';
import { parseSource } from '../../../parse/parse-source.js';
import { extractRouteFacts } from '../../route-facts.js';

const facts = (code: string) => extractRouteFacts(parseSource('src/x.ts', code), { path: 'src/x.ts', config: resolveConfig({}) });

const guard = (body: string) => `import { Injectable } from '@nestjs/common';
@Injectable()
export class G {
  canActivate(context) {
    ${body}
  }
}`;

describe('nest route metadata: guards that answer true without it', () => {
  it.each([
    ['reflector.get and !x', `const roles = this.reflector.get<string[]>('roles', context.getHandler()); if (!roles) return true; return roles.includes('a');`, [{ parts: ['roles'] }]],
    ['getAllAndOverride and an empty test', `const required = this.reflector.getAllAndOverride(ROLES_KEY, [context.getHandler(), context.getClass()]); if (!required || required.length === 0) { return true; } return false;`, [{ parts: [{ ref: 'ROLES_KEY' }] }, { parts: [{ ref: 'ROLES_KEY.@metadata' }] }]],
    ['a default of [] and !x.length', `const roles = this.reflector.get('roles', context.getHandler()) ?? []; if (!roles.length) return true; return false;`, [{ parts: ['roles'] }]],
    ['after an isPublic answer', `const isPublic = this.reflector.get('isPublic', context.getHandler()); const roles = this.reflector.get('roles', context.getHandler()); if (isPublic) return true; if (roles == null) return true; return false;`, [{ parts: ['roles'] }]],
  ])('%s', (_name, body, expected) => {
    expect(facts(guard(body)).functions['G']?.requiresMetadata).toEqual(expected);
  });

  it.each([
    ['a positive test', `const isPublic = this.reflector.get('isPublic', context.getHandler()); if (isPublic) return true; return false;`],
    ['a gate after a check', `const roles = this.reflector.get('roles', context.getHandler()); if (!context.switchToHttp().getRequest().user) return false; if (!roles) return true; return true;`],
    ['a gate answering false', `const roles = this.reflector.get('roles', context.getHandler()); if (!roles) return false; return true;`],
    ['a default with entries', `const roles = this.reflector.get('roles', context.getHandler()) ?? ['user']; if (!roles.length) return true; return false;`],
    ['a value not read from metadata', `const roles = context.switchToHttp().getRequest().roles; if (!roles) return true; return false;`],
  ])('%s: none', (_name, body) => {
    expect(facts(guard(body)).functions['G']?.requiresMetadata).toBeUndefined();
  });
});

describe('nest route metadata: keys routes and decorators set', () => {
  it.each([
    ['an arrow returning SetMetadata', `export const Roles = (...r) => SetMetadata(ROLES_KEY, r);`, 'Roles', { parts: [{ ref: 'ROLES_KEY' }] }],
    ['a function composing decorators', `export function Auth(...r) { return applyDecorators(SetMetadata('roles', r), UseGuards(JwtGuard)); }`, 'Auth', { parts: ['roles'] }],
    ['Reflector.createDecorator', `export const Roles = Reflector.createDecorator<string[]>();`, 'Roles', { parts: ['@Roles'] }],
    ['a decorator that sets no metadata', `export const Admin = () => UseGuards(JwtGuard);`, 'Admin', undefined],
  ])('%s', (_name, code, decorator, expected) => {
    const f = facts(`import { SetMetadata, applyDecorators, UseGuards } from '@nestjs/common';\nimport { Reflector } from '@nestjs/core';\n${code}`);
    expect(f.constants[`${decorator}.@metadata`]).toEqual(expected);
  });

  it('gives a route the keys of its own and its controller decorators, project ones by reference', () => {
    const f = facts(`import { Controller, Get, SetMetadata } from '@nestjs/common';
import { Roles } from './roles.js';
import { ApiTags } from '@nestjs/swagger';
@Controller('admin') @SetMetadata('scope', 'ops') @ApiTags('x')
export class A {
  @Roles('admin') @Get('a') a() { return 1; }
  @Get('b') b() { return 2; }
}`);
    const routes = f.registrations.flatMap((r) => (r.kind === 'route' ? [[r.metadata, r.classMetadata]] : []));
    expect(routes).toEqual([
      [[{ parts: [{ ref: 'Roles.@metadata' }] }], [{ parts: ['scope'] }]],
      [undefined, [{ parts: ['scope'] }]],
    ]);
  });
});
