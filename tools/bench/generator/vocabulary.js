/** Word lists for generated names. Plain data: the PRNG picks from them. */
export const RESOURCES = [
  'invoice', 'order', 'customer', 'product', 'shipment', 'payment', 'subscription', 'ticket', 'report', 'project',
  'task', 'comment', 'document', 'team', 'member', 'account', 'plan', 'coupon', 'refund', 'webhook',
  'notification', 'device', 'region', 'warehouse', 'supplier', 'contract', 'lead', 'campaign', 'asset', 'budget',
  'calendar', 'channel', 'dataset', 'deployment', 'environment', 'feature', 'incident', 'label', 'metric', 'note',
  'organization', 'pipeline', 'policy', 'quote', 'release', 'schedule', 'survey', 'tag', 'template', 'workflow',
];

export const PACKAGE_KINDS = ['billing', 'catalog', 'crm', 'ops', 'support', 'analytics', 'identity', 'inventory', 'checkout', 'partner'];

/** [field name, TypeScript type, JSON schema type] */
export const FIELDS = /** @type {const} */ ([
  ['name', 'string', 'string'], ['title', 'string', 'string'], ['description', 'string', 'string'],
  ['status', 'Status', 'string'], ['amount', 'number', 'number'], ['quantity', 'number', 'integer'],
  ['currency', 'string', 'string'], ['ownerId', 'string', 'string'], ['priority', 'number', 'integer'],
  ['archived', 'boolean', 'boolean'], ['externalRef', 'string', 'string'], ['notes', 'string', 'string'],
  ['score', 'number', 'number'], ['email', 'string', 'string'], ['region', 'string', 'string'],
  ['dueDate', 'string', 'string'], ['tokenCount', 'number', 'integer'], ['keyId', 'string', 'string'],
]);

export const UTILITIES = ['pagination', 'retry', 'dates', 'money', 'slug', 'cursor', 'backoff', 'chunk', 'deep-merge', 'env-flags'];
