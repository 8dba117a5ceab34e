import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { moduleNameValues } from './classify-condition.js';
import { judgeFunction } from './judge-function.js';

/** Judges the first function declared in `code`. */
function judge(code: string, falseRejects = false) {
  const sf = parseSource('a.ts', code);
  // The imports a judged file names: jsonwebtoken's verify throws for a bad token.
  const imports = new Map([
    ['jwt', { local: 'jwt', imported: 'default', specifier: 'jsonwebtoken' }],
    ['verify', { local: 'verify', imported: 'verify', specifier: 'jsonwebtoken' }],
    ['honoVerify', { local: 'honoVerify', imported: 'verify', specifier: 'hono/jwt' }],
    ['decode', { local: 'decode', imported: 'decode', specifier: 'hono/jwt' }],
  ]);
  let fn: ts.FunctionLikeDeclaration | undefined;
  const find = (node: ts.Node): void => {
    if (!fn && (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node))) fn = node;
    else ts.forEachChild(node, find);
  };
  find(sf);
  if (!fn) throw new Error('no function');
  return judgeFunction(fn, { sf, conditionNames: moduleNameValues(sf), imports }, { falseRejects });
}

describe('judgeFunction: rejections nested in branches', () => {
  it.each([
    ['a check inside a path test, next() after', 'function a(req, res, next) { if (!PUBLIC.includes(req.path)) { if (!req.user) return res.status(401).end(); } next(); }'],
    ['else if whose sibling branch calls next()', 'function a(req, res, next) { if (req.user) { next(); } else if (!req.headers.authorization) { res.status(401).end(); } else { next(); } }'],
    ['a block that answers then returns', 'function a(req, res, next) { if (!req.user) { res.status(401).json({}); return; } next(); }'],
  ])('rejects: %s', (_name, code) => {
    expect(judge(code).rejects).toBe(true);
  });

  it('records the paths a wrapping test leaves unchecked', () => {
    expect(judge("function a(req, res, next) { if (!['/login'].includes(req.path)) { if (!req.user) return res.sendStatus(401); } next(); }").exceptions).toEqual([{ path: { parts: ['/login'] } }]);
  });
});

describe('judgeFunction: Express param callbacks (req, res, next, value)', () => {
  it('passes on through its third parameter', () => {
    expect(judge('function a(req, res, next, id) { req.item = load(id); next(); }').passesOn).toBe(true);
  });

  it('rejects nothing when next() follows the 403 without a return', () => {
    expect(judge('function a(req, res, next, tenant) { if (req.user.tenant !== tenant) { res.status(403).end(); } next(); }').rejects).toBe(false);
  });

  it('keeps error middleware (err, req, res, next) as it was', () => {
    expect(judge('function a(err, req, res, next) { next(); }').passesOn).toBe(true);
  });
});

describe('judgeFunction: checks that reject by throwing', () => {
  it.each([
    ['jwt.verify, the error handed to next', 'function a(req, res, next) { try { req.user = jwt.verify(t, k); next(); } catch (err) { next(err); } }'],
    ['a bare jwt.verify', 'function a(req, res, next) { res.locals.user = verify(req.get("authorization"), k); next(); }'],
    ['promisify(jwt.verify) in a module const', 'const verifyAsync = promisify(jwt.verify);\nasync function a(req, res, next) { res.locals.user = await verifyAsync(t, k); next(); }'],
    ["hono/jwt's verify", 'async function a(c, next) { c.set("user", await honoVerify(c.req.header("authorization"), k, "HS256")); await next(); }'],
    ["firebase-admin's verifyIdToken", 'async function a(req, res, next) { req.user = await getAuth().verifyIdToken(t); next(); }'],
  ])('%s', (_name, code) => {
    expect(judge(code).rejects).toBe(true);
  });

  it.each([
    ['a promise around the callback form that rejects', 'const a = (t) => new Promise((resolve, reject) => jwt.verify(t, k, (err, p) => (err ? reject(err) : resolve(p))));', true],
    ['the same, the rejection in a block', 'function a(t) { return new Promise((ok, fail) => { jwt.verify(t, k, (err, p) => { if (err) return fail(new Error("bad")); ok(p); }); }); }', true],
    ['promisify of another function', 'const verifyAsync = promisify(readSession);\nasync function a(req, res, next) { res.locals.user = await verifyAsync(t, k); next(); }', false],
    ["hono/jwt's decode, which checks no signature", 'async function a(c, next) { c.set("user", decode(c.req.header("authorization"), k).payload); await next(); }', false],
    ['a promise around the callback form that only resolves', 'const a = (t) => new Promise((resolve) => jwt.verify(t, k, (err, p) => resolve(err ? null : p)));', false],
    ['the callback form outside a promise', 'function a(req, res, next) { jwt.verify(t, k, (err, p) => { req.user = p; next(); }); }', false],
  ])('jwt.verify with a callback: %s', (_name, code, rejects) => {
    expect(judge(code).rejects).toBe(rejects);
  });

  it.each([
    ['a project verifier, the error handed to next', 'function a(req, res, next) { try { res.locals.user = verifyToken(t); next(); } catch (e) { next(e); } }', [{ kind: 'name', name: 'verifyToken' }]],
    ['a member of an imported module', 'async function a(req, res, next) { req.user = await auth_1.verifySession(req.cookies.sid); next(); }', [{ kind: 'name', name: 'auth_1.verifySession' }]],
    ['a verifier whose throw the catch swallows', 'function a(req, res, next) { try { verifyToken(t); } catch {} next(); }', undefined],
    ['a verifier whose catch writes 401 and goes on', 'function a(req, res, next) { try { verifyToken(t); } catch { res.status(401); } next(); }', undefined],
    ['a call of another kind', 'function a(req, res, next) { audit(t); next(); }', undefined],
    ['a verifier whose error a promise chain takes', 'async function a(req, res, next) { req.user = await verifyToken(t).catch(() => null); next(); }', undefined],
  ])('verifies: %s', (_name, code, expected) => {
    expect(judge(code).verifies).toEqual(expected);
  });
});

describe('judgeFunction', () => {
  it.each([
    ['c.json(x, 401)', 'async function a(c, next) { if (!ok) return c.json({}, 401); await next(); }'],
    ['res.status(403).end()', 'function a(req, res, next) { if (!req.user) return res.status(403).end(); next(); }'],
    ['res.sendStatus(401)', 'function a(req, res, next) { if (!req.user) return res.sendStatus(401); next(); }'],
    ['new Response(.., { status: 401 })', 'async function a(c, next) { if (!ok) return new Response("no", { status: 401 }); await next(); }'],
    ['throw new HTTPException(401)', 'async function a(c, next) { if (!ok) throw new HTTPException(401); await next(); }'],
    ['throw new UnauthorizedException()', 'function a(ctx) { throw new UnauthorizedException(); }'],
    ['next(new errors.NoPermissionError()) (@tryghost/errors)', 'function a(req, res, next) { if (req.user && req.user.id) return next(); return next(new errors.NoPermissionError({ message: "no" })); }'],
    ['throw new NotAuthenticated() (Feathers)', 'async function a(ctx) { if (!ctx.params.user) throw new NotAuthenticated("login first"); }'],
    ['next(new AccessDeniedError())', 'function a(req, res, next) { if (!req.session.admin) return next(new AccessDeniedError()); next(); }'],
    ['throw new AuthenticationError()', 'async function a(c, next) { if (!c.req.header("x-key")) throw new AuthenticationError("missing key"); await next(); }'],
    ['ctx.throw(401)', 'async function a(ctx, next) { if (!ctx.state.user) ctx.throw(401); await next(); }'],
    ['reply.code(401).send()', 'async function a(req, reply) { if (!req.headers.authorization) return reply.code(401).send(); }'],
    ['request.jwtVerify()', 'async function a(request) { await request.jwtVerify(); }'],
    ['StatusCodes.UNAUTHORIZED', 'function a(req, res, next) { if (!req.user) return res.status(StatusCodes.UNAUTHORIZED).end(); next(); }'],
    ['401 in the then-branch, next() in the else-branch', 'function a(req, res, next) { if (!req.user) { res.status(401).json({}); } else { next(); } }'],
    ['next() in the then-branch, 401 in the else-branch', 'function a(req, res, next) { if (req.user) { next(); } else { res.status(401).json({}); } }'],
    ['401 in a catch block that returns', 'function a(req, res, next) { try { req.user = verify(req.headers.authorization); } catch (e) { return res.status(401).json({}); } next(); }'],
    ['jwtVerify() in a try whose catch sends the error', 'async function a(request, reply) { try { await request.jwtVerify(); } catch (err) { reply.send(err); } }'],
    ['a 401 returned from inside a try that swallows errors', 'async function a(c, next) { try { const u = await load(c); if (!u) return c.json({}, 401); } catch (e) { console.error(e); } await next(); }'],
    ['a catch that hands the error to a helper with the response', 'function a(req, res, next) { try { req.user = verifyOrThrow(req); if (!req.user) throw new UnauthorizedError(); } catch (e) { return sendError(e, res); } next(); }'],
    ['a catch that rethrows', 'async function a(ctx, next) { try { ctx.assert(ctx.state.user, 401); } catch (e) { throw e; } await next(); }'],
    ['callback rejection', 'function a(req, res, next) { verify(req.headers.authorization, (err) => { if (err) return res.sendStatus(401); next(); }); }'],
  ])('rejects: %s', (_name, code) => {
    expect(judge(code).rejects).toBe(true);
  });

  it.each([
    ['only logs', 'async function a(c, next) { console.log("admin", c.req.path); await next(); }'],
    ['compares a status', 'async function a(c, next) { const r = await fetch(u); if (r.status === 401) console.warn("x"); await next(); }'],
    ['429 rate limit', 'async function a(c, next) { if (tooMany) return c.json({}, 429); await next(); }'],
    ['401 in a message string', 'async function a(c, next) { c.header("x-note", "401 means unauthorized"); await next(); }'],
    ['401 written, next() in both branches', 'function a(req, res, next) { if (!req.user) { res.status(401); next(); } else { next(); } }'],
    ['check after next()', 'async function a(c, next) { await next(); if (!c.req.header("authorization")) c.res = new Response("no", { status: 401 }); }'],
    ['401 in a catch block that falls through to next()', 'function a(req, res, next) { try { req.user = verify(req.headers.authorization); } catch (e) { res.status(401).json({}); } next(); }'],
    ['jwtVerify() in a try whose catch only logs', 'async function a(request, reply) { try { await request.jwtVerify(); } catch (err) { request.log.warn(err); } }'],
    ['a thrown 401 swallowed by an empty catch', 'async function a(c, next) { try { if (!c.req.header("a")) throw new HTTPException(401); } catch {} return next(); }'],
    ['check after a plain next()', 'function a(req, res, next) { next(); if (!req.headers.authorization) res.status(401).end(); }'],
    ['an error class that only names authentication as its topic', 'function a(req, res, next) { if (!req.body) return next(new AuthenticationConfigWarning("x")); next(); }'],
    ['a 404 error class', 'function a(req, res, next) { if (!req.params.id) return next(new NotFoundError()); next(); }'],
    ['a 401 without return inside a path test, next() after', 'function a(req, res, next) { if (!PUBLIC.includes(req.path)) { if (!req.user) res.status(401).json({}); } next(); }'],
    ["jwt.verify in a try whose catch writes 401 and goes on", 'function a(req, res, next) { try { req.user = jwt.verify(t, k); } catch (e) { res.status(401).json({}); } next(); }'],
    ['jwt.verify in a try whose catch only logs', 'function a(req, res, next) { try { req.user = jwt.verify(t, k); } catch (e) { console.warn(e); } next(); }'],
    ['jwt.verify with a callback (the callback gets the error)', 'function a(req, res, next) { jwt.verify(t, k, (err, user) => { req.user = user; next(); }); }'],
    ['a verify of another package', 'function a(req, res, next) { crypto.verify(alg, data, key, sig); next(); }'],
    ['jwt.decode', 'function a(req, res, next) { req.user = jwt.decode(req.headers.authorization); next(); }'],
    ["firebase's verifyIdToken whose error a promise chain takes", 'async function a(req, res, next) { req.user = await getAuth().verifyIdToken(t).catch(() => null); next(); }'],
  ])('does not reject: %s', (_name, code) => {
    expect(judge(code).rejects).toBe(false);
  });

  it('a check after side effects is not a guard at the top of a handler', () => {
    const fact = judge('async function h(c) { await db.wipe(); if (!c.req.header("a")) return c.text("no", 401); return c.text("ok"); }');
    expect([fact.rejects, fact.rejectsFirst]).toEqual([true, false]);
  });

  it('reading the credential before the check keeps it at the top', () => {
    const fact = judge('async function h(c) { const key = c.req.header("x-key"); const ok = await verifyKey(key); if (!ok) return c.text("no", 401); return c.text("ok"); }');
    expect(fact.rejectsFirst).toBe(true);
  });

  it("a factory's returned function hands the request to the factory's parameter", () => {
    const fact = judge('function unless(path, middleware) { return function (req, res, next) { if (path === req.path) return next(); return middleware(req, res, next); }; }');
    expect(fact.returnsFn?.delegates).toEqual([{ kind: 'param', name: 'middleware', id: 'unless#1' }]);
  });

  it('a factory is judged by the function it returns', () => {
    const fact = judge('function createAuth(o) { if (!o.token) throw new Error("token"); return async (c, next) => { if (c.req.header("a") !== o.token) return c.text("no", 401); await next(); }; }');
    expect([fact.rejects, fact.returnsFn?.rejects]).toEqual([false, true]);
  });

  it.each([
    ['a function declared in its body', 'function createAuth(t) { async function mw(c, next) { if (c.req.header("a") !== t) return c.text("no", 401); await next(); } return mw; }'],
    ['an arrow bound in its body', 'function createAuth(t) { const mw = async (c, next) => { if (c.req.header("a") !== t) return c.text("no", 401); await next(); }; return mw; }'],
  ])('a factory returning %s by name is judged by that function', (_name, code) => {
    expect(judge(code).returnsFn?.rejects).toBe(true);
  });

  it.each([
    ["if (req.method === 'GET') return next();", ['get']],
    ["if (c.req.method === 'GET' || c.req.method === 'POST') { await next(); return; }", ['get', 'post']],
    ["if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();", ['get']],
    ["if (req.method === 'OPTIONS') return next();", undefined],
    ["if (req.path === '/public') return next();", undefined],
  ])('methods passed on before the check: %s', (bypass, expected) => {
    const fact = judge(`async function a(req, res, next) { ${bypass} if (!req.user) return res.status(401).end(); await next(); }`);
    expect([fact.rejects, fact.passesMethods]).toEqual([true, expected]);
  });

  it.each([
    ["if (process.env.SKIP_AUTH === 'true') return next();", true],
    ['if (process.env.DISABLE_AUTH) { next(); return; }', true],
    ["if (process.env.NODE_ENV === 'test') return next();", undefined],
    ["if (req.path === '/admin/login') return next();", undefined],
  ])('environment bypass before the check: %s', (bypass, expected) => {
    const fact = judge(`function a(req, res, next) { ${bypass} if (!req.user) return res.status(401).end(); next(); }`);
    expect([fact.rejects, fact.bypassedByFlag]).toEqual([true, expected]);
  });

  it.each([
    ['if (!token) return next();', true],
    ['if (!req.headers.authorization) { next(); return; }', true],
    ["if (!header || !header.startsWith('Bearer ')) return next();", true],
    ["if (!c.req.header('Authorization')) return await next();", true],
    ['if (req.session?.user == null) return next();', true],
    ["if (req.cookies['sid'] === undefined) return next();", true],
    ['if (!req.isAuthenticated()) return next();', true],
    ['if (!requiresAuth) return next();', undefined],
    ["if (!req.path.startsWith('/admin')) return next();", undefined],
    ['if (req.user) return next();', undefined],
    ['if (!token || isPublic(req.path)) return next();', undefined],
  ])('a pass-on for requests without a credential before the check fails open: %s', (bypass, expected) => {
    const fact = judge(`function a(req, res, next) { const token = req.get('x-token'); ${bypass} if (!verify(token)) return res.status(401).end(); next(); }`);
    expect([fact.rejects, fact.passesAnonymous]).toEqual([true, expected]);
  });

  it.each([
    ['async (request, reply)', 'async function a(request, reply) { if (!request.headers.authorization) return; await request.jwtVerify(); }', true],
    ['a callback hook ends with done()', 'function a(request, reply, done) { if (!request.headers.authorization) return; request.jwtVerify(done); }', undefined],
    ['Hono middleware must call next()', 'async function a(c, next) { if (!c.req.header("authorization")) return; await verify(c); await next(); }', undefined],
  ])('an early bare return before the check: %s', (_name, code, expected) => {
    expect(judge(code).passesAnonymous).toBe(expected);
  });

  it.each([
    ["if (req.user && req.user.role !== 'admin') return res.sendStatus(403);", false],
    ['if (req.session.userId) return res.status(401).end();', false],
    ['if (token && !verify(token)) return res.status(401).end();', false],
    ['if (req.headers.authorization != null) return res.status(401).end();', false],
    // A const of any name holding a request value: `const t = req.headers['x-admin-token']`.
    ["const t = req.headers['x-admin-token']; if (t && t !== process.env.ADMIN_TOKEN) return res.sendStatus(401);", false],
    ["const t = req.headers['x-admin-token']; if (!t || t !== process.env.ADMIN_TOKEN) return res.sendStatus(401);", true],
    ["let t = 'x'; if (t && t !== process.env.ADMIN_TOKEN) return res.sendStatus(401);", true],
    ["const k = req.get('x-api-key'); if (k && k !== process.env.KEY) return res.sendStatus(401);", false],
    ['if (!req.user) return res.status(401).end();', true],
    ["if (req.user?.role !== 'admin') return res.sendStatus(403);", true],
    ['if (req.authError) return res.status(401).end();', true],
    ['if (res.locals.tokenExpired) return res.status(401).end();', true],
    ['if (req.user) { return next(); } else { return res.status(401).end(); }', true],
    // Inputs every caller sets (query, body, route params) compared with written values: no credential is checked.
    ["if (req.query.admin !== 'true') return res.sendStatus(403);", false],
    ["if (!req.body.isAdmin) return res.status(401).end();", false],
    ["if (req.params.scope !== 'internal' || req.query.role === 'guest') return res.sendStatus(403);", false],
    ["if (req.query.key !== 'k3y') return res.sendStatus(401);", true],
    ["if (req.query.token !== process.env.TOKEN) return res.sendStatus(401);", true],
    ["if (req.get('x-role') !== 'admin') return res.sendStatus(403);", true],
  ])('a rejection that only meets requests carrying a value: %s', (check, expected) => {
    expect(judge(`function a(req, res, next) { const token = req.get('x-token'); ${check} next(); }`).rejects).toBe(expected);
  });

  it.each([
    ["if (req.session.role === 'admin') next();", true],
    ['if (await isStaff(req)) { return next(); }', true],
    ['if (!session.userId) next();', undefined],
    ["if (req.method === 'GET') next();", undefined],
    ["if (req.method !== 'OPTIONS') next();", undefined],
    ["if (req.is('json')) next();", undefined],
    ['if (process.env.OPEN) next();', undefined],
    ["log(req); next(); if (req.session.role === 'admin') next();", undefined],
  ])('a last statement that passes on only when its check holds: %s', (body, expected) => {
    expect(judge(`async function a(req, res, next) { const session = req.session; ${body} }`).passesOnlyWhenChecked).toBe(expected);
  });

  it('a pass-on for anonymous requests after the check passes nothing unchecked', () => {
    const fact = judge('function a(req, res, next) { if (req.get("x-key") !== KEY) return res.status(401).end(); if (!req.user) return next(); next(); }');
    expect(fact.passesAnonymous).toBeUndefined();
  });

  it('a method test after the check passes nothing unchecked', () => {
    const fact = judge("function a(req, res, next) { if (!req.user) return res.status(401).end(); if (req.method === 'GET') return next(); next(); }");
    expect(fact.passesMethods).toBeUndefined();
  });

  it('records delegations that pass the request on', () => {
    const fact = judge('async function a(c, next) { const check = bearerAuth({ token }); return check(c, next); }');
    // The options object is kept by its fields, for a factory whose parameters read one.
    expect(fact.delegates).toEqual([{ kind: 'call', callee: 'bearerAuth', args: [{ kind: 'fields', fields: { token: { kind: 'name', name: 'token' } } }], literals: { count: 1, truth: { 0: true } } }]);
  });

  it('a dropped call given request data is a leading delegation (an assertion)', () => {
    const fact = judge('function h(req, res) { assertAdmin(req.user); res.json({}); }');
    expect(fact.delegatesFirst).toEqual([{ kind: 'name', name: 'assertAdmin' }]);
  });

  it.each([
    ['a used result', 'function h(req, res) { const ok = isAdmin(req.user); res.json({ ok }); }'],
    ['a method of another object', 'function h(req, res) { console.log(req.user); res.json({}); }'],
    ['no request data', 'function h(req, res) { warmCache("admin"); res.json({}); }'],
  ])('no assertion: %s', (_name, code) => {
    expect(judge(code).delegates).toEqual([]);
  });

  it('next() marks middleware; next(err) in an endpoint does not', () => {
    expect(judge('async function a(c, next) { await next(); }').passesOn).toBe(true);
    expect(judge('async function h(req, res, next) { try { res.json(await load()); } catch (e) { next(e); } }').passesOn).toBe(false);
  });

  it('canActivate: any answer but `true` may deny', () => {
    expect(judge('class G { canActivate() { return true; } }', true).rejects).toBe(false);
    expect(judge('class G { canActivate(ctx) { return ctx.user !== undefined; } }', true).rejects).toBe(true);
    expect(judge('class G { async canActivate() { return Promise.resolve(true); } }', true).rejects).toBe(false);
    expect(judge('class G { canActivate() { return of(true); } }', true).rejects).toBe(false);
    expect(judge('class G { canActivate(ctx) { return of(ctx.user !== undefined); } }', true).rejects).toBe(true);
  });

  it('reads a generated condition of 3000 terms without recursion', () => {
    const condition = Array.from({ length: 3000 }, (_, i) => `!c.req.header("x-${i}")`).join(' || ');
    const fact = judge(`async function a(c, next) { if (${condition}) return c.json({}, 401); await verify(c, next); }`);
    expect([fact.rejects, fact.rejectsFirst, fact.passesOn, fact.delegates]).toEqual([true, true, true, [{ kind: 'name', name: 'verify' }]]);
  });

  it('canActivate: a `return false` inside a callback is not its answer', () => {
    expect(judge('class G { canActivate(ctx) { items.forEach(() => { return false; }); return true; } }', true).rejects).toBe(false);
  });

  it.each([
    ['an arrow with a ternary', 'const unless = (path, mw) => (req, res, next) => (path === req.path ? next() : mw(req, res, next));'],
    ['a function with if/else', 'function unless(path, mw) { return function (req, res, next) { if (path === req.path) { return next(); } else { return mw(req, res, next); } }; }'],
  ])('unless(path, middleware) helper, %s: lets the parameter through and checks the rest with the other', (_name, code) => {
    const product = judge(code).returnsFn;
    expect([product?.exceptParams?.length, product?.delegates.map((d) => d.kind)]).toEqual([1, ['param']]);
    expect(product?.exceptParams?.[0]).toMatch(/#0$/);
  });

  it('a path test that is not the last parameter of a factory names no parameter', () => {
    expect(judge('function g(req, res, next) { if (path === req.path) return next(); return auth(req, res, next); }').exceptParams).toBeUndefined();
  });
});
