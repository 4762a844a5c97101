-- Up Migration
-- General meetings of owners (ЖК РФ ст. 44–48): the owners register of each house, meetings with
-- their agenda, the register and premises frozen at notice, notices, powers of attorney, ballots,
-- results and the protocol.

-- Owners register of a house: built from account_owners or imported by the organisation.
CREATE TABLE owner_register (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  house_id           uuid NOT NULL REFERENCES houses (id) ON DELETE CASCADE,
  premise_id         uuid NOT NULL REFERENCES premises (id) ON DELETE CASCADE,
  last_name          text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 200),
  first_name         text,
  middle_name        text,
  share_numerator    int NOT NULL CHECK (share_numerator > 0),
  share_denominator  int NOT NULL CHECK (share_denominator >= share_numerator),
  title_document     text,
  person_id          uuid REFERENCES persons (id) ON DELETE SET NULL,
  account_owner_id   uuid REFERENCES account_owners (id) ON DELETE SET NULL,
  source             text NOT NULL CHECK (source IN ('accounts', 'import')),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
-- One row per owner of a premise; re-importing or re-building updates it in place.
CREATE UNIQUE INDEX owner_register_identity_idx
  ON owner_register (premise_id, lower(last_name), lower(coalesce(first_name, '')), lower(coalesce(middle_name, '')));
CREATE INDEX owner_register_house_idx ON owner_register (house_id);
CREATE INDEX owner_register_person_idx ON owner_register (person_id) WHERE person_id IS NOT NULL;

CREATE TABLE meetings (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id     uuid NOT NULL REFERENCES organisations (id),
  house_id            uuid NOT NULL REFERENCES houses (id),
  number              text NOT NULL,
  title               text NOT NULL,
  form                text NOT NULL CHECK (form IN ('in_person', 'ballots', 'mixed', 'electronic')),
  status              text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'announced', 'closed', 'cancelled')),
  initiator_type      text NOT NULL CHECK (initiator_type IN ('organisation', 'owner')),
  initiator_owner_id  uuid REFERENCES owner_register (id) ON DELETE SET NULL,
  initiator_name      text NOT NULL,
  administrator_name  text NOT NULL,
  chair_name          text,
  secretary_name      text,
  counter_names       text[] NOT NULL DEFAULT '{}',
  place               text NOT NULL,         -- where the sitting is held / ballots are handed in
  materials_info      text NOT NULL,         -- how owners can see the materials (ст. 45 ч. 5)
  in_person_at        timestamptz,
  voting_starts_at    timestamptz NOT NULL,
  voting_ends_at      timestamptz NOT NULL,
  announced_at        timestamptz,
  notice_news_id      uuid REFERENCES news (id),
  closed_at           timestamptz,
  results             jsonb,
  results_news_id     uuid REFERENCES news (id),
  protocol            jsonb,
  protocol_sha256     text CHECK (protocol_sha256 ~ '^[0-9a-f]{64}$'),
  protocol_file_id    uuid REFERENCES files (id),
  created_by          text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (house_id, number),
  CHECK (voting_ends_at > voting_starts_at)
);
CREATE INDEX meetings_house_idx ON meetings (house_id, status);
CREATE INDEX meetings_org_idx ON meetings (organisation_id, created_at DESC);
CREATE INDEX meetings_due_idx ON meetings (voting_ends_at) WHERE status = 'announced';

CREATE TABLE meeting_questions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id  uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position    int NOT NULL CHECK (position > 0),
  title       text NOT NULL,
  proposal    text NOT NULL DEFAULT '',
  rule        text NOT NULL CHECK (rule IN ('participants_majority', 'all_majority', 'two_thirds_all')),
  UNIQUE (meeting_id, position)
);

CREATE TABLE meeting_materials (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id  uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  file_id     uuid NOT NULL REFERENCES files (id),
  title       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- The premises and owners register as they stood when the notice went out: the meeting counts with these.
CREATE TABLE meeting_premises (
  meeting_id  uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  premise_id  uuid NOT NULL REFERENCES premises (id),
  number      text NOT NULL,
  area        numeric(10, 2) NOT NULL CHECK (area > 0),
  PRIMARY KEY (meeting_id, premise_id)
);

CREATE TABLE meeting_owners (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id         uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  register_id        uuid REFERENCES owner_register (id) ON DELETE SET NULL,
  premise_id         uuid NOT NULL,
  last_name          text NOT NULL,
  first_name         text,
  middle_name        text,
  share_numerator    int NOT NULL CHECK (share_numerator > 0),
  share_denominator  int NOT NULL CHECK (share_denominator >= share_numerator),
  title_document     text,
  person_id          uuid REFERENCES persons (id) ON DELETE SET NULL,
  FOREIGN KEY (meeting_id, premise_id) REFERENCES meeting_premises (meeting_id, premise_id) ON DELETE CASCADE
);
CREATE INDEX meeting_owners_meeting_idx ON meeting_owners (meeting_id);
CREATE INDEX meeting_owners_person_idx ON meeting_owners (person_id, meeting_id) WHERE person_id IS NOT NULL;

-- Proof of delivery of the notice, per owner and channel.
CREATE TABLE meeting_notices (
  meeting_id  uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  owner_id    uuid NOT NULL REFERENCES meeting_owners (id) ON DELETE CASCADE,
  channel     text NOT NULL CHECK (channel IN ('email', 'news')),
  address     text,
  sent_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, owner_id, channel)
);

-- Powers of attorney of representatives (ст. 48 ч. 2), checked by the administrator.
CREATE TABLE meeting_proxies (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id                uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  owner_id                  uuid NOT NULL REFERENCES meeting_owners (id) ON DELETE CASCADE,
  representative_person_id  uuid REFERENCES persons (id),
  representative_name       text NOT NULL,
  file_id                   uuid NOT NULL REFERENCES files (id),
  status                    text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
  note                      text,
  reviewed_by               text,
  reviewed_at               timestamptz,
  created_at                timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX meeting_proxies_live_idx ON meeting_proxies (meeting_id, owner_id) WHERE status <> 'rejected';

-- Ballots (решения собственников): one per owner and meeting, electronic or paper with its scan.
CREATE TABLE meeting_ballots (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id       uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  owner_id         uuid NOT NULL REFERENCES meeting_owners (id) ON DELETE CASCADE,
  channel          text NOT NULL CHECK (channel IN ('electronic', 'paper')),
  voter_name       text NOT NULL,
  voter_person_id  uuid REFERENCES persons (id),
  proxy_id         uuid REFERENCES meeting_proxies (id),
  title_document   text,
  snils_enc        text,                 -- encrypted at rest (src/identity/crypto.ts)
  votes            text NOT NULL,        -- the votes the ballot carries, an exact fraction of m²
  answers          jsonb NOT NULL,       -- { questionId: "for" | "against" | "abstain" }
  scan_file_id     uuid REFERENCES files (id),
  entered_by       text,
  cast_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (meeting_id, owner_id),
  CHECK (channel <> 'paper' OR scan_file_id IS NOT NULL)
);

-- Down Migration
DROP TABLE meeting_ballots, meeting_proxies, meeting_notices, meeting_owners, meeting_premises, meeting_materials,
  meeting_questions, meetings, owner_register;
