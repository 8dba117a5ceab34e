/**
 * Whether a raw request path is, in any spelling, under `/admin`: percent-decoding (repeated, for
 * double encoding), case, repeated slashes, backslashes and dot segments are all undone first, so
 * the admin guard covers every path the router (or a proxy in front of it) might route there.
 */
export function isAdminPath(rawPath: string): boolean {
  // Fast path for the common request: nothing encoded, no dots, no doubled or back slashes.
  if (!UNUSUAL.test(rawPath)) return /^\/admin(?:\/|$)/i.test(rawPath);
  const normalized = resolveDotSegments(decodeRepeatedly(rawPath).replace(/\\/g, '/').replace(/\/{2,}/g, '/').toLowerCase());
  return normalized === '/admin' || normalized.startsWith('/admin/');
}

const UNUSUAL = /[%\\.]|\/\//;

function decodeRepeatedly(path: string): string {
  let current = path;
  for (let i = 0; i < 3; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (decoded === current) return current;
    current = decoded;
  }
  return current;
}

function resolveDotSegments(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return `/${out.join('/')}${path.endsWith('/') && out.length > 0 ? '/' : ''}`;
}
