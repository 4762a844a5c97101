-- Up Migration
-- State-system services beyond billing (issue 17): appeals from the state system in the hub's appeals,
-- debt subrequests of social-protection bodies with the organisation's court decisions, notices placed in
-- the state system, the exports the hub pulls on a schedule, and the simulator's state for them.

-- sync: one row per export query the hub asked (a page of appeals or debt subrequests); sync_items name it.
CREATE TABLE gis_pulls (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid NOT NULL REFERENCES organisations (id),
  operation        text NOT NULL,
  query            jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  answered_at      timestamptz,
  records          int
);
CREATE INDEX gis_pulls_org_idx ON gis_pulls (organisation_id, operation, created_at DESC);
-- The employee the state system knows as the organisation's executor (answers to appeals and debt requests).
ALTER TABLE gis_sync_settings ADD COLUMN executor_guid uuid;

-- appeals: those filed in the state system have no hub author; their answers go back (importAnswer).
ALTER TABLE appeals ALTER COLUMN person_id DROP NOT NULL;
ALTER TABLE appeals
  ADD COLUMN source            text NOT NULL DEFAULT 'hub' CHECK (source IN ('hub', 'state_system')),
  ADD COLUMN gis_appeal_guid   uuid UNIQUE,
  ADD COLUMN gis_number        text,
  ADD COLUMN gis_answerer_guid uuid,
  ADD COLUMN gis_status        text,
  ADD COLUMN due_on            date,
  ADD CONSTRAINT appeals_author CHECK (source = 'state_system' OR person_id IS NOT NULL);
CREATE INDEX appeals_source_idx ON appeals (organisation_id, source, created_at DESC);

CREATE TABLE appeal_gis_answers (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  appeal_id        uuid NOT NULL REFERENCES appeals (id) ON DELETE CASCADE,
  event_id         bigint REFERENCES appeal_events (id),
  text             text NOT NULL,
  status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'accepted', 'rejected')),
  gis_answer_guid  uuid,
  error            text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  acknowledged_at  timestamptz
);
CREATE INDEX appeal_gis_answers_appeal_idx ON appeal_gis_answers (appeal_id, created_at);

CREATE TABLE appeal_settings (
  organisation_id      uuid PRIMARY KEY REFERENCES organisations (id),
  answer_working_days  int NOT NULL DEFAULT 10 CHECK (answer_working_days BETWEEN 1 AND 60),
  updated_at           timestamptz NOT NULL DEFAULT now()
);

-- debt requests: the organisation's record of court decisions and the subrequests it must answer.
CREATE TABLE court_decisions (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id     uuid NOT NULL REFERENCES organisations (id),
  account_id          uuid NOT NULL REFERENCES accounts (id),
  case_number         text NOT NULL CHECK (length(case_number) BETWEEN 1 AND 100),
  decided_on          date NOT NULL,
  amount              bigint NOT NULL CHECK (amount > 0),   -- kopecks
  debtor_last_name    text NOT NULL,
  debtor_first_name   text NOT NULL,
  debtor_middle_name  text,
  repaid_on           date,
  created_by          text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, account_id, case_number)
);
CREATE INDEX court_decisions_account_idx ON court_decisions (account_id);

CREATE TABLE debt_subrequests (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id      uuid NOT NULL REFERENCES organisations (id),
  gis_subrequest_guid  uuid NOT NULL UNIQUE,
  request_number       text NOT NULL,
  requester            text NOT NULL,
  fias_house_guid      uuid,
  premises_guid        uuid,
  house_id             uuid REFERENCES houses (id),
  premise_id           uuid REFERENCES premises (id),
  address              text NOT NULL,
  period_from          date NOT NULL,
  period_to            date NOT NULL,
  sent_on              date NOT NULL,
  due_on               date NOT NULL,          -- 5 working days on the production calendar
  gis_due_on           date,                   -- responseDate as the state system states it
  status               text NOT NULL DEFAULT 'new'
                       CHECK (status IN ('new', 'queued', 'sent', 'rejected', 'auto_answered')),
  proposal             jsonb NOT NULL,
  answer               jsonb,
  answer_revision      int NOT NULL DEFAULT -1,   -- the importResponses sync item's revision of the last confirmation
  confirmed_by         text,
  confirmed_at         timestamptz,
  answered_at          timestamptz,
  error                text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX debt_subrequests_org_idx ON debt_subrequests (organisation_id, status, due_on);

-- news: the notice's identifier in the state system, and when its recall was taken.
ALTER TABLE news ADD COLUMN gis_notification_guid uuid, ADD COLUMN gis_recalled_at timestamptz;

-- Sandbox simulator: appeals filed to organisations and debt subrequests addressed to them.
CREATE TABLE gis_sim_appeals (
  appeal_guid         uuid PRIMARY KEY,
  org_ppa_guid        uuid NOT NULL,
  number              text NOT NULL,
  created_on          date NOT NULL,
  topic               text NOT NULL,
  text                text NOT NULL,
  fias_house_guid     uuid,
  applicant           jsonb NOT NULL,
  answerer_guid       uuid,
  status              text NOT NULL DEFAULT 'Send',
  execution_end_date  date,
  answer              jsonb
);
CREATE TABLE gis_sim_debt_subrequests (
  subrequest_guid  uuid PRIMARY KEY,
  org_ppa_guid     uuid NOT NULL,
  request_guid     uuid NOT NULL,
  request_number   text NOT NULL,
  requester        text NOT NULL,
  fias_house_guid  uuid NOT NULL,
  premises_guid    uuid,
  address          text NOT NULL,
  address_details  text,
  period_from      date NOT NULL,
  period_to        date NOT NULL,
  sent_on          date NOT NULL,
  response_due     date NOT NULL,
  response_status  text NOT NULL DEFAULT 'NotSent',
  response         jsonb
);
CREATE INDEX gis_sim_dsr_org_idx ON gis_sim_debt_subrequests (org_ppa_guid, sent_on);

-- Down Migration
DROP TABLE gis_sim_debt_subrequests, gis_sim_appeals;
ALTER TABLE news DROP COLUMN gis_notification_guid, DROP COLUMN gis_recalled_at;
DROP TABLE debt_subrequests, court_decisions, appeal_settings, appeal_gis_answers;
DELETE FROM appeals WHERE source = 'state_system';
ALTER TABLE appeals DROP CONSTRAINT appeals_author;
ALTER TABLE appeals DROP COLUMN source, DROP COLUMN gis_appeal_guid, DROP COLUMN gis_number,
  DROP COLUMN gis_answerer_guid, DROP COLUMN gis_status, DROP COLUMN due_on;
ALTER TABLE appeals ALTER COLUMN person_id SET NOT NULL;
ALTER TABLE gis_sync_settings DROP COLUMN executor_guid;
DROP TABLE gis_pulls;
