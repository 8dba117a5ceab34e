import pino from 'pino';

export const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });

/** A thin wrapper many codebases grow: every call passes its message straight to pino. */
export function audit(event: string, detail: unknown): void {
  logger.info({ event, detail }, 'audit');
}
