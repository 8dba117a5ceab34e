import type { Logger } from 'pino';
import { TamperedRecordError } from './record-cipher.js';

/**
 * A stored record that fails authentication was written by someone without the key: it is treated
 * as absent (so the caller answers as for an unknown token or session, never 500) and raised as a
 * security event that names the store, never the value. Any other error passes through.
 */
export function tamperedAsMissing(log: Logger, store: 'tokens' | 'sessions'): (error: unknown) => undefined {
  return (error) => {
    if (!(error instanceof TamperedRecordError)) throw error;
    log.error({ event: 'record_tampered', store, reason: error.message }, 'stored record failed authentication; treated as absent');
    return undefined;
  };
}
