-- Up Migration
-- Staff roles as data: each a set of permissions (contracts/permissions.ts). The built-in roles have no
-- organisation and serve all; an organisation may add its own. A person holds one or more roles in an
-- organisation, each possibly limited to some houses (house_ids NULL: every house).
CREATE TABLE staff_roles (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid REFERENCES organisations (id) ON DELETE CASCADE,
  code             text NOT NULL,
  name             text NOT NULL,
  permissions      text[] NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (organisation_id, code)
);

INSERT INTO staff_roles (id, organisation_id, code, name, permissions) VALUES
  ('00000000-0000-4000-8000-00000000a001', NULL, 'admin', 'Администратор',
   '{console.view,tickets.manage,appeals.answer,accounts.approve,accounts.import,charges.import,payments.refund,news.publish,meetings.run,sync.manage,debts.answer,houses.manage,settings.manage,staff.manage,api-keys.manage,audit.view}'),
  ('00000000-0000-4000-8000-00000000a002', NULL, 'dispatcher', 'Диспетчер',
   '{console.view,tickets.manage,appeals.answer,accounts.approve,news.publish}'),
  ('00000000-0000-4000-8000-00000000a003', NULL, 'accountant', 'Бухгалтер',
   '{console.view,appeals.answer,accounts.approve,accounts.import,charges.import,payments.refund,debts.answer,sync.manage}'),
  ('00000000-0000-4000-8000-00000000a004', NULL, 'meeting_admin', 'Администратор собраний',
   '{console.view,meetings.run,news.publish}'),
  ('00000000-0000-4000-8000-00000000a005', NULL, 'read_only', 'Только просмотр', '{console.view}');

ALTER TABLE org_staff ADD COLUMN role_id uuid REFERENCES staff_roles (id) ON DELETE RESTRICT,
                      ADD COLUMN house_ids uuid[],
                      ADD COLUMN added_by uuid REFERENCES persons (id) ON DELETE SET NULL;
UPDATE org_staff s SET role_id = r.id FROM staff_roles r WHERE r.organisation_id IS NULL AND r.code = s.role;
ALTER TABLE org_staff DROP CONSTRAINT org_staff_pkey, DROP COLUMN role, ALTER COLUMN role_id SET NOT NULL,
                      ADD PRIMARY KEY (organisation_id, person_id, role_id);
CREATE INDEX org_staff_person_idx ON org_staff (person_id);

-- An invitation by e-mail link: whoever signs in and opens the link joins with these roles.
CREATE TABLE staff_invitations (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  email            text NOT NULL,
  role_ids         uuid[] NOT NULL,
  house_ids        uuid[],
  token_hash       text NOT NULL UNIQUE,
  invited_by       uuid REFERENCES persons (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  accepted_at      timestamptz,
  accepted_by      uuid REFERENCES persons (id) ON DELETE SET NULL,
  revoked_at       timestamptz
);
CREATE INDEX staff_invitations_open_idx ON staff_invitations (organisation_id, created_at DESC)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;

-- API keys hold permissions too: the old scopes map onto them.
CREATE FUNCTION scopes_to_permissions(scopes text[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(array_agg(DISTINCT p ORDER BY p), '{}') FROM unnest(scopes) s, LATERAL unnest(CASE
    WHEN s LIKE '%:read' AND s <> 'audit:read' THEN ARRAY['console.view']
    WHEN s = 'audit:read' THEN ARRAY['audit.view']
    WHEN s = 'registry:write' THEN ARRAY['houses.manage']
    WHEN s IN ('accounts:write', 'meters:write') THEN ARRAY['accounts.import', 'accounts.approve']
    WHEN s IN ('readings:write', 'charges:write') THEN ARRAY['charges.import']
    WHEN s = 'payments:write' THEN ARRAY['payments.refund']
    WHEN s = 'sync:write' THEN ARRAY['sync.manage']
    WHEN s = 'meetings:write' THEN ARRAY['meetings.run']
    WHEN s = 'tickets:write' THEN ARRAY['tickets.manage']
    WHEN s = 'news:write' THEN ARRAY['news.publish']
    WHEN s = 'appeals:write' THEN ARRAY['appeals.answer']
    WHEN s = 'debts:write' THEN ARRAY['debts.answer']
    ELSE ARRAY[]::text[] END) p
$$;
ALTER TABLE api_clients RENAME COLUMN scopes TO permissions;
UPDATE api_clients SET permissions = scopes_to_permissions(permissions);
ALTER TABLE oauth_access_tokens RENAME COLUMN scopes TO permissions;
UPDATE oauth_access_tokens SET permissions = scopes_to_permissions(permissions);
DROP FUNCTION scopes_to_permissions(text[]);

-- Down Migration
ALTER TABLE oauth_access_tokens RENAME COLUMN permissions TO scopes;
ALTER TABLE api_clients RENAME COLUMN permissions TO scopes;
DROP TABLE staff_invitations;
ALTER TABLE org_staff ADD COLUMN role text;
UPDATE org_staff s SET role = r.code FROM staff_roles r WHERE r.id = s.role_id;
DELETE FROM org_staff WHERE role NOT IN ('admin', 'dispatcher', 'accountant');
ALTER TABLE org_staff DROP CONSTRAINT org_staff_pkey, DROP COLUMN role_id, DROP COLUMN house_ids, DROP COLUMN added_by,
                      ALTER COLUMN role SET NOT NULL, ADD PRIMARY KEY (organisation_id, person_id, role);
DROP INDEX IF EXISTS org_staff_person_idx;
DROP TABLE staff_roles;
