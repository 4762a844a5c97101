-- Up Migration
-- ESIA vouches for a person only when their account is confirmed (`trusted` in /rs/prns/{oid}); a
-- simplified or standard account signs in but is not a verified identity. Absent = trusted, as before.
ALTER TABLE persons ADD COLUMN provider_trusted boolean NOT NULL DEFAULT true;
ALTER TABLE persons DROP COLUMN identity_verified;
ALTER TABLE persons ADD COLUMN identity_verified boolean NOT NULL
  GENERATED ALWAYS AS ((provider <> 'local' AND provider_trusted) OR identity_confirmed_at IS NOT NULL) STORED;

-- Down Migration
ALTER TABLE persons DROP COLUMN identity_verified;
ALTER TABLE persons ADD COLUMN identity_verified boolean NOT NULL
  GENERATED ALWAYS AS (provider <> 'local' OR identity_confirmed_at IS NOT NULL) STORED;
ALTER TABLE persons DROP COLUMN provider_trusted;
