import type { Logger } from 'pino';

export type ObservabilityVariables = {
  log: Logger;
  requestId: string;
  /** The client address as the IP getter decided it (socket, or X-Forwarded-For from a trusted proxy). */
  clientIp: string;
};

export type SecurityEvent = 'auth_failure' | 'rate_limited' | 'admin_action' | 'origin_rejected' | 'host_rejected' | 'config_error' | 'record_tampered';
