/**
 * Library guards recognised by their import: they reject unauthenticated requests by design.
 * `member` is for guards reached through the module object (`passport.authenticate(...)`).
 */
interface KnownGuard {
  specifier: RegExp;
  /** The exports meant, or every export of the package. */
  names: readonly string[] | 'all';
  member?: string;
}

const KNOWN_GUARDS: readonly KnownGuard[] = [
  { specifier: /^hono\/bearer-auth$/, names: ['bearerAuth'] },
  { specifier: /^hono\/basic-auth$/, names: ['basicAuth'] },
  { specifier: /^hono\/jwt$/, names: ['jwt'] },
  { specifier: /^hono\/jwk$/, names: ['jwk'] },
  { specifier: /^@modelcontextprotocol\/sdk(\/|$)/, names: ['requireBearerAuth'] },
  { specifier: /^passport$/, names: ['default', '*'], member: 'authenticate' },
  { specifier: /^passport$/, names: ['authenticate'] },
  { specifier: /^express-jwt$/, names: ['expressjwt', 'jwt', 'default', '*'] },
  { specifier: /^express-basic-auth$/, names: ['default', '*'] },
  // http-auth's `auth.connect(auth.basic(...))` (before v4), and http-auth-connect's default since.
  { specifier: /^http-auth$/, names: ['default', '*'], member: 'connect' },
  { specifier: /^http-auth$/, names: ['connect'] },
  { specifier: /^http-auth-connect$/, names: ['default', '*'] },
  // `auth()` requires login on every route unless told `authRequired: false` (see call-options.ts);
  // the claim checks answer 401 to anonymous requests before they look at claims.
  { specifier: /^express-openid-connect$/, names: ['requiresAuth', 'auth', 'claimEquals', 'claimIncludes', 'claimCheck'] },
  { specifier: /^@nestjs\/passport$/, names: ['AuthGuard'] },
  { specifier: /^koa-jwt$/, names: ['default', '*'] },
  { specifier: /^koa-basic-auth$/, names: ['default', '*'] },
  { specifier: /^(@fastify\/|fastify-)bearer-auth$/, names: ['default', '*', 'fastifyBearerAuth'] },
  // Its claim checks (access-token-jwt's claimCheck) throw UnauthorizedError when no token was verified before them.
  { specifier: /^express-oauth2-jwt-bearer$/, names: ['auth', 'requiredScopes', 'scopeIncludesAny', 'claimEquals', 'claimIncludes', 'claimCheck'] },
  // `new Keycloak(o).protect()` / `.enforcer()`; its `.middleware()` only wires the adapter.
  { specifier: /^keycloak-connect$/, names: ['default', '*'], member: 'protect' },
  { specifier: /^keycloak-connect$/, names: ['default', '*'], member: 'enforcer' },
  { specifier: /^@clerk\/express$/, names: ['requireAuth'] },
  { specifier: /^@clerk\/clerk-sdk-node$/, names: ['ClerkExpressRequireAuth'] },
];

/**
 * Library middleware that reads a credential when one is sent but lets anonymous requests through
 * (Clerk's `clerkMiddleware()` and `ClerkExpressWithAuth()`, express-bearer-token's `bearerToken()`,
 * which only copies the token to `req.token`), and decorators that only document: their names
 * sound like guards.
 */
const KNOWN_NON_GUARDS: readonly KnownGuard[] = [
  { specifier: /^express-bearer-token$/, names: ['default', '*'] },
  { specifier: /^@clerk\/(express|hono|fastify|koa)$/, names: ['clerkMiddleware', 'clerkPlugin'] },
  { specifier: /^@hono\/clerk-auth$/, names: ['clerkMiddleware'] },
  { specifier: /^@clerk\/clerk-sdk-node$/, names: ['ClerkExpressWithAuth'] },
  // OpenAPI documentation only: `ApiBearerAuth()` says a route takes a token, it checks none.
  { specifier: /^@nestjs\/swagger$/, names: 'all' },
  // The MCP SDK's authorization server: it serves /authorize, /token, /register and the OAuth
  // metadata, and checks no token on any other route (`requireBearerAuth` does).
  { specifier: /^@modelcontextprotocol\/sdk\/server\/auth\/router(?:\.js)?$/, names: 'all' },
];

/** Decorations added by Fastify auth plugins (`@fastify/basic-auth`, `@fastify/jwt` users' `authenticate`). */
export const KNOWN_FASTIFY_GUARD_DECORATIONS = new Set(['basicAuth']);

export function isKnownGuard(specifier: string, imported: string, member: string | undefined): boolean {
  return KNOWN_GUARDS.some((g) => matches(g, specifier, imported, member));
}

export function isKnownNonGuard(specifier: string, imported: string, member: string | undefined): boolean {
  return KNOWN_NON_GUARDS.some((g) => matches(g, specifier, imported, member));
}

function matches(g: KnownGuard, specifier: string, imported: string, member: string | undefined): boolean {
  if (!g.specifier.test(specifier)) return false;
  return g.names === 'all' || (g.names.includes(imported) && g.member === member);
}

/**
 * Names that say "authentication", for guards whose definition cannot be read (a package, a file
 * outside the scan). A readable definition is always judged by what it does instead.
 */
const AUTH_LIKE_NAME = /auth|jwt|guard|protect|bearer|passport|require(d)?(user|login|admin|session|role|token|signin|key)|ensure(logged|signed|user|admin)|verify(token|user|jwt|session|request|key|admin)|check(admin|role|token|user|session|permission|key)|admin(only|required)|only(admin|authenticated)|has(role|permission)|permission|rbac|acl|is(admin|authenticated|logged|signed)/i;

/** Guards of other things: CSRF, CORS, Host/Origin checks, rate limits, validation. */
const OTHER_PROTECTION = /csrf|xsrf|cors|origin|host|rate|limit|throttl|helmet|valid|cache|compress|logger|logging/i;
const STRONG_AUTH_WORD = /auth|jwt|bearer|passport|login|signin/i;

/**
 * `optionalAuth`, `maybeAuthenticate`, `softJwt`: named for letting anonymous requests through;
 * `ensureLoggedOut`, `requireGuest`: for turning away only those who are logged in.
 */
const OPTIONAL_AUTH = /optional|maybe|soft|lenient|allow_?anonymous|logged_?out|signed_?out|guest/i;

export function isAuthLikeName(name: string): boolean {
  if (!AUTH_LIKE_NAME.test(name) || OPTIONAL_AUTH.test(name)) return false;
  return !OTHER_PROTECTION.test(name) || STRONG_AUTH_WORD.test(name);
}
