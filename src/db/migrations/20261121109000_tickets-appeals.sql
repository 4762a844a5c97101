-- Up Migration
-- Maintenance requests (заявки), typed appeals (обращения), and the log that keeps reminders and
-- notice emails to one per person and occasion.

CREATE TABLE tickets (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  organisation_id    uuid NOT NULL REFERENCES organisations (id),
  house_id           uuid NOT NULL REFERENCES houses (id),
  account_id         uuid REFERENCES accounts (id),
  author_person_id   uuid REFERENCES persons (id),
  -- 'house': common property, shown to every resident of the house; 'own': the author's premise
  visibility         text NOT NULL DEFAULT 'own' CHECK (visibility IN ('own', 'house')),
  category           text NOT NULL,
  emergency          boolean NOT NULL DEFAULT false,
  text               text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  contact_phone_enc  text,                         -- encrypted at rest (src/identity/crypto.ts)
  status             text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'done', 'rejected')),
  assignee           text,
  deadline           timestamptz,
  resolution         text,
  closed_at          timestamptz,
  reopened_count     int NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tickets_queue_idx ON tickets (organisation_id, house_id, status, created_at DESC);
CREATE INDEX tickets_author_idx ON tickets (author_person_id, created_at DESC);
CREATE INDEX tickets_house_visible_idx ON tickets (house_id, created_at DESC) WHERE visibility = 'house';

-- Status changes and comments, in order: the request's history as both sides see it.
CREATE TABLE ticket_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id    uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  kind         text NOT NULL CHECK (kind IN ('status', 'comment')),
  from_status  text,
  to_status    text,
  body         text,
  author_side  text NOT NULL CHECK (author_side IN ('resident', 'organisation')),
  actor_id     text,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, id);

CREATE TABLE ticket_files (
  ticket_id  uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  file_id    uuid NOT NULL REFERENCES files (id),
  PRIMARY KEY (ticket_id, file_id)
);

CREATE TABLE appeals (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  type              text NOT NULL,
  organisation_id   uuid NOT NULL REFERENCES organisations (id),   -- the addressee
  person_id         uuid NOT NULL REFERENCES persons (id),         -- the author
  account_id        uuid REFERENCES accounts (id),
  house_id          uuid REFERENCES houses (id),
  status            text NOT NULL DEFAULT 'submitted'
                    CHECK (status IN ('submitted', 'in_review', 'returned', 'accepted', 'rejected', 'done')),
  -- the whole form (names, passport, bank details…) as encrypted JSON; reads are audited
  form_enc          text NOT NULL,
  revision          int NOT NULL DEFAULT 1,
  consent_at        timestamptz NOT NULL,          -- consent to personal-data processing (152-ФЗ)
  submitted_at      timestamptz NOT NULL DEFAULT now(),
  closed_at         timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appeals_org_idx ON appeals (organisation_id, status, created_at DESC);
CREATE INDEX appeals_person_idx ON appeals (person_id, created_at DESC);

-- Status changes and answers of the organisation; files attached to an event are the answer's.
CREATE TABLE appeal_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  appeal_id    uuid NOT NULL REFERENCES appeals (id) ON DELETE CASCADE,
  from_status  text,
  to_status    text,
  message      text,
  author_side  text NOT NULL CHECK (author_side IN ('resident', 'organisation', 'system')),
  actor_id     text,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appeal_events_appeal_idx ON appeal_events (appeal_id, id);

CREATE TABLE appeal_files (
  appeal_id    uuid NOT NULL REFERENCES appeals (id) ON DELETE CASCADE,
  file_id      uuid NOT NULL REFERENCES files (id),
  kind         text NOT NULL,                 -- e.g. act_of_transfer, benefit_document, answer
  author_side  text NOT NULL CHECK (author_side IN ('resident', 'organisation', 'system')),
  event_id     bigint REFERENCES appeal_events (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (appeal_id, file_id)
);

-- One row per notification that must go out at most once (a reminder per person, meter and date;
-- a notice per person). The insert decides who sends.
CREATE TABLE notification_log (
  key        text PRIMARY KEY,
  person_id  uuid REFERENCES persons (id) ON DELETE CASCADE,
  sent_at    timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE notification_log, appeal_files, appeal_events, appeals, ticket_files, ticket_events, tickets;
