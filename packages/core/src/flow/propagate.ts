import type { NameClassifier } from './sensitive-names.js';
import type { FlowStep, SecretItem, Taint, TaintItem } from './taint.js';

/**
 * The key a value put into a map under a computed key is filed under (`sessions.set(id, token)`):
 * not a property name, so no property read (`sessions.size`) names it; `sessions.get(id)` reads it.
 */
export const COMPUTED_ENTRY = '[entry]';

/** Bounds that keep summaries small and resolution fast on generated or adversarial code. */
const MAX_PATH = 4;
const MAX_ITEMS = 8;
const MAX_TRACE = 6;

/** `value.prop`: keeps what sits at `prop`; a secret string's `.length` or an unrelated field is clean. */
export function projectTaint(taint: Taint, prop: string, names: NameClassifier, label: string): Taint {
  if (taint.length === 0) return taint;
  // map() sizes the array exactly: an array grown by push() from empty keeps room for 16 items,
  // and taints are kept in every summary until the rules have run.
  const projected = taint.map((item) => projectItem(item, prop, names, label));
  return projected.includes(undefined) ? projected.filter((item) => item !== undefined) : (projected as Taint);
}

function projectItem(item: TaintItem, prop: string, names: NameClassifier, label: string): TaintItem | undefined {
  // `parts[1]`, `header.split(' ')[1]`: an element of a secret string or list is still the secret.
  if (/^\d+$/.test(prop) && item.path.length === 0) {
    if (item.k !== 'secret') return item;
    if (item.container !== undefined || (item.authScheme && prop === '0')) return undefined;
    // A JWT's header and claims (`token.split('.')[1]`) are what `jwt.decode()` reads: not the credential; its signature is.
    if (item.jwtParts) return prop === '0' || prop === '1' ? undefined : withoutJwtParts(item);
    return item.authScheme ? withoutScheme(item) : item;
  }
  if (item.path.length > 0) {
    const [head, ...rest] = item.path;
    // Arrays are not indexed in paths: `[{ password }][0]` still holds the password at `password`.
    if (/^\d+$/.test(prop) && head !== undefined && !/^\d+$/.test(head) && head !== '*') return item;
    if (head !== prop && head !== '*') return undefined;
    // Reading the headers out of a request object (`req.headers`) is an explicit read.
    if (item.k === 'secret' && item.wholeRequest) return { k: 'secret', label: item.label, path: rest, ...(item.container && { container: item.container }), trace: item.trace };
    return { ...item, path: rest };
  }
  if (item.k !== 'secret') return item.proj.length < MAX_PATH ? { ...item, proj: [...item.proj, prop] } : item;
  return projectSecret(item, prop, names, label);
}

function projectSecret(item: SecretItem, prop: string, names: NameClassifier, label: string): SecretItem | undefined {
  if (prop === 'length') return undefined;
  if (item.container === 'cookies') return isCredentialCookie(prop, names) ? { label, path: [], trace: item.trace, k: 'secret' } : undefined;
  if (item.container === 'headers') return names.isSecretHeader(prop) ? { k: 'secret', label, path: [], trace: item.trace, ...(isAuthorizationHeader(prop) && { authScheme: true }) } : undefined;
  // A secret object's fields (`credentials.username`) are secrets only when named so; the
  // classifier is the single authority on names.
  return names.isSecretName(prop) ? { k: 'secret', label, path: [], trace: item.trace } : undefined;
}

/** `Authorization`, `proxy-authorization`: headers whose value starts with a scheme (`Bearer`, `Basic`). */
export function isAuthorizationHeader(name: string): boolean {
  return /^(?:proxy[-_]?)?authorization$/i.test(name);
}

function withoutScheme(item: SecretItem): SecretItem {
  const { authScheme: _scheme, ...rest } = item;
  return rest;
}

/** The value no longer starts with an Authorization scheme (`header.slice(7)`, `parts.slice(1)`). */
export function withoutAuthScheme(taint: Taint): Taint {
  return taint.some((item) => item.k === 'secret' && item.authScheme) ? taint.map((item) => (item.k === 'secret' && item.authScheme ? withoutScheme(item) : item)) : taint;
}

/** A secret split on '.' (a JWT): its first two parts are the header and the claims (see `SecretItem.jwtParts`). */
export function withJwtParts(taint: Taint): Taint {
  return taint.map((item) => (item.k === 'secret' && item.path.length === 0 && item.container === undefined ? { ...item, jwtParts: true } : item));
}

function withoutJwtParts(item: SecretItem): SecretItem {
  const { jwtParts: _parts, ...rest } = item;
  return rest;
}

/** The value's first part (`user` of `user:pass` split on ':') is not the credential: kept in `authScheme`, which means just that. */
export function withPublicFirstPart(taint: Taint): Taint {
  return taint.map((item) => (item.k === 'secret' && item.path.length === 0 && item.container === undefined && !item.authScheme ? { ...item, authScheme: true } : item));
}

/** Session, auth and CSRF cookies (`sid`, `connect.sid`, `session`, `auth_token`), not `theme` or `locale`. */
export function isCredentialCookie(name: string, names: NameClassifier): boolean {
  return names.isSecretName(name) || /sess|sid|auth|token|jwt|remember|login|csrf|xsrf|secret/i.test(name);
}

/** An array's items moved to no position in particular (`[x, ...list]`): every position may hold them. */
export function anyPosition(taint: Taint): Taint {
  return taint.some((item) => isPosition(item.path[0])) ? taint.map((item) => (isPosition(item.path[0]) ? { ...item, path: item.path.slice(1) } : item)) : taint;
}

function isPosition(step: string | undefined): boolean {
  return step !== undefined && /^\d+$/.test(step);
}

/** `{ key: value }`: the value's items now sit under `key`. */
export function wrapTaint(taint: Taint, key: string): Taint {
  return taint.map((item) => (item.path.length < MAX_PATH ? { ...item, path: [key, ...item.path] } : item));
}

/** Stringification (`JSON.stringify`, templates, `+`): every item becomes the whole value. */
export function flattenTaint(taint: Taint): Taint {
  return taint.map((item) => {
    if (item.k !== 'secret') return { ...item, path: [], flat: true };
    if (item.path.length === 0 && item.container === undefined) return item;
    const flat: SecretItem = { k: 'secret', label: item.label, path: [], trace: item.trace, ...(item.entryNamedBy && { entryNamedBy: item.entryNamedBy }), ...(item.typedBy !== undefined && { typedBy: item.typedBy }) };
    return flat;
  });
}

/**
 * Union of taints, first items first, capped. Taints are never changed once made, so when at most
 * one of them has items (the usual case) it is the union, shared rather than copied; otherwise
 * concat() sizes the result exactly (summaries keep taints until the rules have run).
 */
export function unionTaint(...taints: Taint[]): Taint {
  let filled = 0;
  let only: Taint | undefined;
  for (const taint of taints) {
    if (taint.length === 0) continue;
    filled++;
    only = taint;
  }
  if (filled === 0) return taints[0] ?? [];
  if (filled === 1 && only && only.length <= MAX_ITEMS) return only;
  const all = ([] as Taint).concat(...taints);
  return all.length > MAX_ITEMS ? all.slice(0, MAX_ITEMS) : all;
}

/** Appends a trace step (e.g. "assigned to `msg`") to every item. */
export function withStep(taint: Taint, step: FlowStep): Taint {
  return taint.map((item) => (item.trace.length < MAX_TRACE ? { ...item, trace: [...item.trace, step] } : item));
}

/**
 * `const { authorization, cookie, ...rest } = req.headers` (or those two deleted from a copy, or
 * given a safe value over a spread): the headers without the credentials they usually carry, the
 * way a reviewer writes a safe header dump.
 */
export function omitsCredentialHeaders(keys: readonly string[]): boolean {
  const lower = keys.map((k) => k.toLowerCase());
  return lower.includes('authorization') && lower.includes('cookie');
}

/**
 * Object rest, a delete, a key given another value over a spread: items at the omitted keys go;
 * request headers go with both `authorization` and `cookie`; what is still unresolved (parameters,
 * call results, values typed by an imported type) remembers the keys for when it is.
 */
/**
 * `_.omit(config, ['db.password', 'jwtSecret'])`: lodash reads a dotted key as a path, and drops
 * what sits there; a key without a dot is dropped as `omitKeys` drops it.
 */
export function omitPaths(taint: Taint, keys: readonly string[]): Taint {
  const deep = keys.filter((k) => k.includes('.')).map((k) => k.split('.'));
  const kept = omitKeys(taint, keys.filter((k) => !k.includes('.')));
  return deep.length === 0 ? kept : kept.filter((item) => !deep.some((path) => path.every((key, i) => item.path[i] === key)));
}

export function omitKeys(taint: Taint, keys: readonly string[]): Taint {
  return taint.flatMap((item): Taint => {
    const head = item.path[0];
    if (head !== undefined) return keys.includes(head) ? [] : [item];
    if (item.k === 'secret' && item.typedBy === undefined) return item.container === 'headers' && omitsCredentialHeaders(keys) ? [] : [item];
    return [{ ...item, omit: [...(item.omit ?? []), ...keys] }];
  });
}
