import noFileStorageInProduction from './no-file-storage-in-production.js';
import noSecretsInLogs from './no-secrets-in-logs.js';
import noUnprotectedAdminRoute from './no-unprotected-admin-route.js';
import type { Rule } from './rule.js';

/**
 * The rule registry. One entry per file in this folder, named by rule id; a test checks that ids,
 * files, docs pages and this list agree.
 */
export const rules: readonly Rule[] = [noSecretsInLogs, noFileStorageInProduction, noUnprotectedAdminRoute];

export function findRule(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}

export const ruleIds: readonly string[] = rules.map((r) => r.meta.id);
