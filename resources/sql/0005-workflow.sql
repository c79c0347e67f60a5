-- 0005: the workflow engine (F-PRH-026, F-AHR-028) and the unified to-do
-- (F-PORTAL-005): process templates as versioned data, the instances that
-- run them over one business record each, their tasks and their history.
--
-- Times are seconds since the Unix epoch; docs/api.md describes the JSON.

-- One row per version.  Saving a template inserts the next version of its
-- code and makes it the current one; instances keep pointing at the
-- version they started on.  steps_json is the validated, normalised step
-- list of docs/api.md (every member present).
CREATE TABLE workflow_templates (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL,
  version     INTEGER NOT NULL CHECK (version >= 1),
  name        TEXT NOT NULL,
  domain      TEXT NOT NULL,
  description TEXT,
  on_complete TEXT,
  steps_json  TEXT NOT NULL,
  step_count  INTEGER NOT NULL CHECK (step_count BETWEEN 1 AND 30),
  is_current  INTEGER NOT NULL CHECK (is_current IN (0, 1)),
  created_at  INTEGER NOT NULL,
  -- NULL for the seed templates, which come with the schema.
  created_by  INTEGER REFERENCES users (id),
  UNIQUE (code, version)
);

CREATE UNIQUE INDEX workflow_templates_one_current
  ON workflow_templates (code) WHERE is_current = 1;

-- step_key is the step the instance is at, or was at when it ended.
-- paused_from remembers running or returned while paused, paused_at when,
-- so that resume can move the open due dates on by the paused time.
CREATE TABLE workflow_instances (
  id           INTEGER PRIMARY KEY,
  template_id  INTEGER NOT NULL REFERENCES workflow_templates (id),
  domain       TEXT NOT NULL,
  record_id    INTEGER NOT NULL,
  record_label TEXT NOT NULL,
  org_id       INTEGER NOT NULL REFERENCES organisations (id),
  -- NULL when anju-server started it on its own.
  submitter_id INTEGER REFERENCES users (id),
  state        TEXT NOT NULL CHECK (state IN ('running', 'returned', 'paused', 'completed',
                                              'rejected', 'withdrawn', 'cancelled')),
  paused_from  TEXT CHECK (paused_from IN ('running', 'returned')),
  paused_at    INTEGER,
  fields_json  TEXT NOT NULL DEFAULT '{}',
  step_key     TEXT,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  finished_at  INTEGER,
  CHECK ((state = 'paused') = (paused_from IS NOT NULL))
);

-- A record runs through at most one live process at a time.
CREATE UNIQUE INDEX workflow_instances_one_live
  ON workflow_instances (domain, record_id)
  WHERE state IN ('running', 'returned', 'paused');
CREATE INDEX workflow_instances_record ON workflow_instances (domain, record_id);
CREATE INDEX workflow_instances_template ON workflow_instances (template_id);
CREATE INDEX workflow_instances_org ON workflow_instances (org_id);
CREATE INDEX workflow_instances_submitter ON workflow_instances (submitter_id);

-- A review task belongs to whoever holds role with org_id in their data
-- scope, unless assignee_id names one user (a transferred task); a
-- supplement task belongs to the submitter.  reminded_at is set when the
-- overdue sweep has sent the one reminder a task gets.
CREATE TABLE workflow_tasks (
  id          INTEGER PRIMARY KEY,
  instance_id INTEGER NOT NULL REFERENCES workflow_instances (id) ON DELETE CASCADE,
  step_key    TEXT NOT NULL,
  step_name   TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('review', 'supplement')),
  role        TEXT,
  org_id      INTEGER NOT NULL REFERENCES organisations (id),
  assignee_id INTEGER REFERENCES users (id),
  state       TEXT NOT NULL CHECK (state IN ('open', 'done', 'cancelled')),
  created_at  INTEGER NOT NULL,
  due_at      INTEGER,
  reminded_at INTEGER,
  done_at     INTEGER,
  done_by     INTEGER REFERENCES users (id),
  action      TEXT,
  comment     TEXT,
  CHECK (kind = 'supplement' OR role IS NOT NULL)
);

-- The to-do queries: open tasks by organisation and role, by assignee,
-- by due date (overdue sweep, sorting); the done list by actor.
CREATE INDEX workflow_tasks_open_org_role
  ON workflow_tasks (org_id, role) WHERE state = 'open';
CREATE INDEX workflow_tasks_open_assignee
  ON workflow_tasks (assignee_id) WHERE state = 'open';
CREATE INDEX workflow_tasks_open_due
  ON workflow_tasks (due_at) WHERE state = 'open';
CREATE INDEX workflow_tasks_instance ON workflow_tasks (instance_id);
CREATE INDEX workflow_tasks_done_by ON workflow_tasks (done_by, done_at);

-- What happened to an instance, in order.  actor_id is NULL for the
-- server's own rows (skip, remind, complete after an approval …).
CREATE TABLE workflow_history (
  id          INTEGER PRIMARY KEY,
  instance_id INTEGER NOT NULL REFERENCES workflow_instances (id) ON DELETE CASCADE,
  task_id     INTEGER REFERENCES workflow_tasks (id),
  at          INTEGER NOT NULL,
  actor_id    INTEGER REFERENCES users (id),
  org_id      INTEGER REFERENCES organisations (id),
  action      TEXT NOT NULL CHECK (action IN ('start', 'approve', 'reject', 'return',
                                              'resubmit', 'transfer', 'withdraw', 'skip',
                                              'remind', 'pause', 'resume', 'cancel',
                                              'complete')),
  step_key    TEXT,
  step_name   TEXT,
  comment     TEXT
);

CREATE INDEX workflow_history_instance ON workflow_history (instance_id, id);
CREATE INDEX workflow_history_task ON workflow_history (task_id);

-- Files attached to an action, in the order given.
CREATE TABLE workflow_history_files (
  history_id INTEGER NOT NULL REFERENCES workflow_history (id) ON DELETE CASCADE,
  file_id    INTEGER NOT NULL REFERENCES files (id),
  position   INTEGER NOT NULL,
  PRIMARY KEY (history_id, file_id)
);

CREATE INDEX workflow_history_files_file ON workflow_history_files (file_id);

-- The seed templates (docs/api.md): the processes the later business
-- modules run, as data.  Step names, roles and levels follow the seed
-- (shared/spec/public-rental-affordable-rental.md §A.1, §A.11, §B.1,
-- §B.5); time limits are the New Area's working defaults, which the
-- center edits as new versions.  Every one records its outcome in the
-- instance's fields (the built-in hook workflow.record_result).
INSERT INTO workflow_templates (code, version, name, domain, description, on_complete,
                                steps_json, step_count, is_current, created_at) VALUES
  ('pubrent.application.review', 1, '公租房申请审核', 'pubrent.application',
   '公租房保障资格申请：社区受理，街道审核并公示（定向申请免于街道公示），住保中心资格审查。',
   'workflow.record_result',
   '[{"key":"community_intake","name":"社区受理","role":"community_worker","level":"community",'
   || '"actions":["approve","reject","return","withdraw"],"time_limit_days":5,'
   || '"skip_when":[],"branches":[],"on_enter":null,"on_complete":null},'
   || '{"key":"street_review","name":"街道审核公示","role":"street_staff","level":"street",'
   || '"actions":["approve","reject","return","transfer","withdraw"],"time_limit_days":10,'
   || '"skip_when":[{"field":"directed","op":"eq","value":true}],"branches":[],'
   || '"on_enter":null,"on_complete":null},'
   || '{"key":"center_review","name":"住保中心资格审查","role":"center_staff","level":"center",'
   || '"actions":["approve","reject","return","transfer","withdraw"],"time_limit_days":15,'
   || '"skip_when":[],"branches":[],"on_enter":null,"on_complete":null}]',
   3, 1, CAST(strftime('%s', 'now') AS INTEGER)),

  ('affordable.enterprise.onboarding', 1, '企业入驻审核', 'affordable.enterprise',
   '保租房运营企业入驻：住保中心审核企业资质材料，通过后开通企业账号。',
   'workflow.record_result',
   '[{"key":"material_review","name":"入驻材料审核","role":"center_staff","level":"center",'
   || '"actions":["approve","reject","return","transfer","withdraw"],"time_limit_days":10,'
   || '"skip_when":[],"branches":[],"on_enter":null,"on_complete":null},'
   || '{"key":"account_setup","name":"开通企业账号","role":"center_admin","level":"center",'
   || '"actions":["approve"],"time_limit_days":3,'
   || '"skip_when":[],"branches":[],"on_enter":null,"on_complete":null}]',
   2, 1, CAST(strftime('%s', 'now') AS INTEGER)),

  ('affordable.project.filing', 1, '保租房项目备案', 'affordable.filing',
   '保租房纳管备案（企业、项目、房源、合同、租金）：住保中心审核备案材料并给出审核意见和依据。',
   'workflow.record_result',
   '[{"key":"filing_review","name":"备案审核","role":"center_staff","level":"center",'
   || '"actions":["approve","reject","return","transfer","withdraw"],"time_limit_days":10,'
   || '"skip_when":[],"branches":[],"on_enter":null,"on_complete":null}]',
   1, 1, CAST(strftime('%s', 'now') AS INTEGER)),

  ('operations.contract.approval', 1, '租赁合同审批', 'operations.contract',
   '保障房租赁合同：运营企业审核合同条款，住保中心审批。',
   'workflow.record_result',
   '[{"key":"enterprise_review","name":"运营企业审核","role":"enterprise_operator","level":"enterprise",'
   || '"actions":["approve","reject","return","transfer","withdraw"],"time_limit_days":3,'
   || '"skip_when":[],"branches":[],"on_enter":null,"on_complete":null},'
   || '{"key":"center_review","name":"住保中心审批","role":"center_staff","level":"center",'
   || '"actions":["approve","reject","return","withdraw"],"time_limit_days":5,'
   || '"skip_when":[],"branches":[],"on_enter":null,"on_complete":null}]',
   2, 1, CAST(strftime('%s', 'now') AS INTEGER)),

  ('operations.tenancy.change', 1, '续租/退租/换房审批', 'operations.tenancy',
   '承租人提出的续租、退租、换房申请：运营企业初审，住保中心按政策和合同条款审批。',
   'workflow.record_result',
   '[{"key":"enterprise_review","name":"运营企业初审","role":"enterprise_operator","level":"enterprise",'
   || '"actions":["approve","reject","return","withdraw"],"time_limit_days":5,'
   || '"skip_when":[],"branches":[],"on_enter":null,"on_complete":null},'
   || '{"key":"center_review","name":"住保中心审批","role":"center_staff","level":"center",'
   || '"actions":["approve","reject","return","transfer","withdraw"],"time_limit_days":10,'
   || '"skip_when":[],"branches":[],"on_enter":null,"on_complete":null}]',
   2, 1, CAST(strftime('%s', 'now') AS INTEGER));
