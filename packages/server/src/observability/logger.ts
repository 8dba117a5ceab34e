import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

/**
 * Paths pino blanks out at every level, in every environment. Handlers log chosen fields, never
 * whole requests, so this is the second line of defence, not the first.
 */
export const REDACT_PATHS = [
  'authorization',
  'cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  'headers["mcp-session-id"]',
  '*.authorization',
  '*.cookie',
  '*.token',
  '*.accessToken',
  '*.apiKey',
  '*.adminKey',
  '*.key',
  '*.password',
  '*.secret',
  '*.sessionId',
  'token',
  'apiKey',
  'key',
  'password',
  'secret',
  'sessionId',
];

export function createLogger(options: { level: LevelWithSilent; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: undefined,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}
