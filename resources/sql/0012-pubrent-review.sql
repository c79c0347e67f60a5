-- 0012: the review of public rental applications after submission (issue 4,
-- docs/api.md "Review, publicity and announcement").
--
-- The seed's state machine (spec §A.1.1) runs on the workflow engine as
-- version 2 of pubrent.application.review: street review and street
-- publicity (both skipped for directed applications), then the center's
-- first review, second review and decision.  Every step tells the
-- application its stage (hook pubrent.application.stage); how the process
-- ends is the hook pubrent.application.decided.  Street publicity ends by
-- the clock: the engine makes every step allow approve, so the step's
-- on_complete hook pubrent.application.publicity_over lets only
-- anju-server (the sweep, once the period is over) approve it.  Publicity (公示信息表 D03)
-- and the objections received during it (公示期间举报信息表 D04) are
-- tables of their own.

UPDATE workflow_templates SET is_current = 0
 WHERE code = 'pubrent.application.review' AND is_current = 1;

INSERT INTO workflow_templates (code, version, name, domain, description, on_complete,
                                steps_json, step_count, is_current, created_at) VALUES
  ('pubrent.application.review', 2, '公租房申请审核', 'pubrent.application',
   '公租房保障资格申请：街道审核并公示（定向申请免于街道环节），住保中心初审、复审、决定；'
   || '通过后新区公告，期满生成资格确认单。',
   'pubrent.application.decided',
   '[{"key":"street_review","name":"街道审核","role":"street_staff","level":"street",'
   || '"actions":["approve","reject","return","transfer","withdraw"],"time_limit_days":10,'
   || '"skip_when":[{"field":"directed","op":"eq","value":true}],"branches":[],'
   || '"on_enter":"pubrent.application.stage","on_complete":null},'
   || '{"key":"street_publicity","name":"街道公示","role":"street_staff","level":"street",'
   || '"actions":["approve","reject","withdraw"],"time_limit_days":null,'
   || '"skip_when":[{"field":"directed","op":"eq","value":true}],"branches":[],'
   || '"on_enter":"pubrent.application.stage","on_complete":"pubrent.application.publicity_over"},'
   || '{"key":"center_first","name":"初审","role":"center_staff","level":"center",'
   || '"actions":["approve","reject","return","transfer","withdraw"],"time_limit_days":10,'
   || '"skip_when":[],"branches":[],'
   || '"on_enter":"pubrent.application.stage","on_complete":null},'
   || '{"key":"center_second","name":"复审","role":"center_staff","level":"center",'
   || '"actions":["approve","reject","return","transfer","withdraw"],"time_limit_days":10,'
   || '"skip_when":[],"branches":[],'
   || '"on_enter":"pubrent.application.stage","on_complete":null},'
   || '{"key":"center_decision","name":"决定","role":"center_staff","level":"center",'
   || '"actions":["approve","reject","transfer","withdraw"],"time_limit_days":5,'
   || '"skip_when":[],"branches":[],'
   || '"on_enter":"pubrent.application.stage","on_complete":null}]',
   5, 1, CAST(strftime('%s', 'now') AS INTEGER));

-- D03.  kind street: 街道公示 (GS-…); announcement: 新区公告 (GG-…).
-- passed is NULL until the publicity is closed.
CREATE TABLE pubrent_publicity (
  id             INTEGER PRIMARY KEY,
  publicity_no   TEXT NOT NULL UNIQUE,
  kind           TEXT NOT NULL CHECK (kind IN ('street', 'announcement')),
  application_id INTEGER NOT NULL REFERENCES pubrent_applications (id),
  org_id         INTEGER NOT NULL REFERENCES organisations (id),
  instance_id    INTEGER REFERENCES workflow_instances (id),
  start_at       INTEGER NOT NULL,
  end_at         INTEGER NOT NULL CHECK (end_at >= start_at),
  method         TEXT NOT NULL,
  location       TEXT,
  passed         INTEGER CHECK (passed IN (0, 1)),
  closed_at      INTEGER,
  document_id    INTEGER,
  created_at     INTEGER NOT NULL
);

CREATE INDEX pubrent_publicity_application ON pubrent_publicity (application_id);
CREATE INDEX pubrent_publicity_open ON pubrent_publicity (end_at) WHERE closed_at IS NULL;

-- D04.  result: pending until verified, then substantiated (查证属实) or
-- unfounded (查无实据).
CREATE TABLE pubrent_objections (
  id                  INTEGER PRIMARY KEY,
  objection_no        TEXT NOT NULL UNIQUE,
  publicity_id        INTEGER NOT NULL REFERENCES pubrent_publicity (id),
  application_id      INTEGER NOT NULL REFERENCES pubrent_applications (id),
  received_at         INTEGER NOT NULL,
  content             TEXT NOT NULL,
  method              TEXT NOT NULL,
  reporter_name       TEXT,
  reporter_phone      TEXT,
  result              TEXT NOT NULL DEFAULT 'pending'
                        CHECK (result IN ('pending', 'substantiated', 'unfounded')),
  verified_by         INTEGER REFERENCES users (id),
  verification_method TEXT,
  opinion             TEXT,
  verified_at         INTEGER,
  created_by          INTEGER REFERENCES users (id),
  created_at          INTEGER NOT NULL
);

CREATE INDEX pubrent_objections_publicity ON pubrent_objections (publicity_id);

-- The yearly sequences of the numbers above (GS-2026-000001 …).
CREATE TABLE pubrent_review_counters (
  prefix     TEXT NOT NULL,
  year       INTEGER NOT NULL,
  last_value INTEGER NOT NULL,
  PRIMARY KEY (prefix, year)
);

-- The citizens' progress query: one row per try, for the per-address
-- limit; rows older than a minute are deleted as new ones come.
CREATE TABLE pubrent_progress_tries (
  id             INTEGER PRIMARY KEY,
  client_address TEXT NOT NULL,
  at             INTEGER NOT NULL
);

CREATE INDEX pubrent_progress_tries_address ON pubrent_progress_tries (client_address, at);

-- Messages of the review (server/messages/anju-message-events.c).
INSERT INTO message_templates (event, title, body, sms, default_title, default_body, default_sms)
SELECT event, title, body, sms, title, body, sms FROM (
  SELECT 'pubrent.application.confirmed' AS event,
         '资格已确认：{application_no}' AS title,
         '{applicant_name}的公租房申请（{application_no}，{business_type}）新区公告期满，资格已确认，资格确认单编号{document_number}。' AS body,
         '{applicant_name}您好，您的公租房申请（{application_no}）已通过资格确认，资格确认单编号{document_number}，请留意后续轮候或补贴通知。' AS sms
);

INSERT INTO push_strategies (event, inbox, sms, enabled) VALUES
  ('pubrent.application.confirmed', 1, 1, 1);
