-- Up Migration
-- General meetings as the law has them since 463-ФЗ (ЖК РФ ст. 47.1): each organisation chooses where its
-- meetings are voted — in the state system (the hub is the administrator's tool around it) or in the hub as
-- the region's designated system — and every meeting's notice, decisions and protocol reach the state system.

CREATE TABLE meeting_settings (
  organisation_id       uuid PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
  voting_system         text NOT NULL DEFAULT 'state-system' CHECK (voting_system IN ('state-system', 'regional-system')),
  regional_system_name  text CHECK (length(regional_system_name) BETWEEN 1 AND 2000),
  regional_system_url   text CHECK (length(regional_system_url) BETWEEN 1 AND 2000),
  -- The organisation in the state system's register of organisations (initiator, administrator of meetings).
  org_root_guid         uuid,
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (voting_system <> 'regional-system' OR (regional_system_name IS NOT NULL AND regional_system_url IS NOT NULL))
);

ALTER TABLE meetings
  ADD COLUMN voting_system          text CHECK (voting_system IN ('state-system', 'regional-system')), -- fixed at notice
  ADD COLUMN gis_message_guid       uuid,        -- the notice in the state system
  ADD COLUMN gis_number             text,        -- its identifier: the protocol's number (Приказ № 266/пр)
  ADD COLUMN gis_decisions_read_at  timestamptz, -- owners' decisions read back (state-system mode)
  ADD COLUMN gis_protocol_guid      uuid,        -- the state system's protocol of the meeting
  ADD COLUMN gis_result             jsonb,       -- its result as the state system states it
  ADD COLUMN gis_protocol_read_at   timestamptz,
  ADD COLUMN gis_comparison         jsonb;       -- the hub's exact count against the state system's result

ALTER TABLE meeting_ballots DROP CONSTRAINT meeting_ballots_channel_check;
ALTER TABLE meeting_ballots
  ADD CONSTRAINT meeting_ballots_channel_check CHECK (channel IN ('electronic', 'paper', 'state_system')),
  ADD COLUMN title_registered_on date,         -- date of the title's state registration, as the ballot states it
  ADD COLUMN gis_decisions jsonb;              -- { questionNumber: RootOwnerDecisionGUID } in the state system

-- Files placed in the state system's file store (attachments of notices, decisions, protocols), per organisation.
CREATE TABLE gis_attachments (
  organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  file_id          uuid NOT NULL REFERENCES files (id),
  attachment_guid  uuid NOT NULL,
  hash             text NOT NULL,
  uploaded_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, file_id)
);

-- Sandbox simulator: meetings whose notice it holds, owners' decisions (placed or cast in it), uploaded files.
CREATE TABLE gis_sim_votings (
  message_guid      uuid PRIMARY KEY,
  org_ppa_guid      uuid NOT NULL,
  fias_house_guid   uuid NOT NULL,
  unique_number     text NOT NULL,
  data              jsonb NOT NULL,            -- form, dates, voting system, questions
  status            text NOT NULL DEFAULT 'Posted',
  protocol_guid     uuid,
  protocol_root     uuid,
  protocol_status   text,                      -- Created (drawn up by the simulator), Posted
  protocol          jsonb,                     -- results of the protocol
  created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE gis_sim_decisions (
  root_guid         uuid PRIMARY KEY,
  message_guid      uuid NOT NULL REFERENCES gis_sim_votings (message_guid) ON DELETE CASCADE,
  question_number   int NOT NULL,
  owner             jsonb NOT NULL,
  property          jsonb NOT NULL,
  answer            text NOT NULL CHECK (answer IN ('for', 'against', 'abstain')),
  votes             numeric(20, 4) NOT NULL,
  digital           boolean NOT NULL DEFAULT false,
  annulled          boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gis_sim_decisions_message_idx ON gis_sim_decisions (message_guid);

CREATE TABLE gis_sim_files (
  upload_id     uuid PRIMARY KEY,
  org_ppa_guid  uuid NOT NULL,
  filename      text NOT NULL,
  size          int NOT NULL,
  md5           text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE gis_sim_files, gis_sim_decisions, gis_sim_votings, gis_attachments, meeting_settings;
ALTER TABLE meeting_ballots DROP COLUMN gis_decisions, DROP COLUMN title_registered_on;
ALTER TABLE meeting_ballots DROP CONSTRAINT meeting_ballots_channel_check;
ALTER TABLE meeting_ballots ADD CONSTRAINT meeting_ballots_channel_check CHECK (channel IN ('electronic', 'paper'));
ALTER TABLE meetings DROP COLUMN voting_system, DROP COLUMN gis_message_guid, DROP COLUMN gis_number,
  DROP COLUMN gis_decisions_read_at, DROP COLUMN gis_protocol_guid, DROP COLUMN gis_result, DROP COLUMN gis_protocol_read_at,
  DROP COLUMN gis_comparison;
