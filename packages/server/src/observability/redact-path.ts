/**
 * Paths go into logs and the audit trail, and people paste credentials into URLs. Any path segment
 * that looks like one (an API token, a JWT, or any long opaque run such as an admin key) is
 * replaced before the path is written anywhere.
 */
const CREDENTIAL_LIKE = /sgt_[A-Za-z0-9_-]+|eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*|[A-Za-z0-9_+=~-]{32,}/g;

export function redactPath(path: string): string {
  return path.replace(CREDENTIAL_LIKE, '[redacted]');
}
