-- Up Migration
-- A link proven only by the owner's surname (printed in protocols, with the account number on paper
-- bills) is 'limited' until a second factor confirms it: the code to the contact on file, or the
-- organisation's approval. Limited links read charges and submit readings; no access list, invitations,
-- debt certificate or owner's rights.
ALTER TABLE account_links DROP CONSTRAINT account_links_role_check;
ALTER TABLE account_links ADD CONSTRAINT account_links_role_check
  CHECK (role IN ('owner', 'co_owner', 'tenant', 'delegate', 'limited'));

-- Down Migration
DELETE FROM account_links WHERE role = 'limited';
ALTER TABLE account_links DROP CONSTRAINT account_links_role_check;
ALTER TABLE account_links ADD CONSTRAINT account_links_role_check CHECK (role IN ('owner', 'co_owner', 'tenant', 'delegate'));
