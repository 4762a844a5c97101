/** Every scope an organisation API client can hold (checked when a key is issued). */
export const ALL_ORG_SCOPES = [
  'registry:read', 'registry:write', 'accounts:read', 'accounts:write', 'meters:read', 'meters:write',
  'readings:read', 'readings:write', 'charges:read', 'charges:write', 'payments:read', 'payments:write', 'sync:read', 'sync:write',
  'meetings:read', 'meetings:write', 'tickets:read', 'tickets:write', 'news:write', 'audit:read',
  'appeals:read', 'appeals:write', 'news:read',
];
