/** Who is calling /mcp, after authentication. */
export interface Principal {
  /** Stable, non-secret id: `token:<record id>` or `oauth:<hash of iss and sub>`; sessions bind to it. */
  id: string;
  kind: 'api-token' | 'oauth';
  subject: string;
  scopes: string[];
}

export type AuthVariables = { principal: Principal };
