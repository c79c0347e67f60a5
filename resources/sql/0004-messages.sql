-- 0004: the message center (F-SUPPORT-004, F-PORTAL-006): message
-- templates and push strategies per event type, the in-app inbox, and the
-- SMS outbox that doubles as the send log.
--
-- The event types and their template variables are the table of
-- docs/api.md "Messages"; server/messages/anju-message-events.c knows the
-- same list and must be kept in step with the seed rows below.

-- One row per event type.  default_* hold the zh_CN texts shipped here, so
-- "reset" needs no copy of them in C; updated_at is NULL until an
-- administrator edits the row.  Variables are written {name}.
CREATE TABLE message_templates (
  id            INTEGER PRIMARY KEY,
  event         TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL,
  body          TEXT NOT NULL,
  sms           TEXT NOT NULL,
  default_title TEXT NOT NULL,
  default_body  TEXT NOT NULL,
  default_sms   TEXT NOT NULL,
  updated_at    INTEGER
);

-- Which channels an event uses.  quiet_start/quiet_end are "HH:MM" in
-- Asia/Shanghai, both or neither; an SMS due inside them waits for
-- quiet_end.  account.initial_password never goes to the inbox.
CREATE TABLE push_strategies (
  id          INTEGER PRIMARY KEY,
  event       TEXT NOT NULL UNIQUE,
  inbox       INTEGER NOT NULL CHECK (inbox IN (0, 1)),
  sms         INTEGER NOT NULL CHECK (sms IN (0, 1)),
  enabled     INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  quiet_start TEXT,
  quiet_end   TEXT,
  updated_at  INTEGER,
  CHECK ((quiet_start IS NULL) = (quiet_end IS NULL)),
  CHECK (event != 'account.initial_password' OR inbox = 0)
);

-- To whom an event goes: with no row for a strategy, everyone the event
-- names; with rows, only those of them holding at least one of the roles.
-- A child table rather than a JSON column so the database itself keeps
-- every entry pointing at a real role: a role a strategy names cannot be
-- deleted (409), which would otherwise silently widen the audience.
-- account.initial_password has no rows: it must reach the new account.
CREATE TABLE push_strategy_roles (
  strategy_id INTEGER NOT NULL REFERENCES push_strategies (id) ON DELETE CASCADE,
  role_id     INTEGER NOT NULL REFERENCES roles (id),
  PRIMARY KEY (strategy_id, role_id)
);

CREATE INDEX push_strategy_roles_role ON push_strategy_roles (role_id);

-- The inbox: one row per recipient.  link_* is what the message opens
-- (win.open-record).
CREATE TABLE messages (
  id               INTEGER PRIMARY KEY,
  user_id          INTEGER NOT NULL REFERENCES users (id),
  event            TEXT NOT NULL,
  title            TEXT NOT NULL,
  body             TEXT NOT NULL,
  link_domain      TEXT,
  link_record_id   INTEGER,
  link_instance_id INTEGER,
  created_at       INTEGER NOT NULL,
  read_at          INTEGER
);

CREATE INDEX messages_user ON messages (user_id, id);
CREATE INDEX messages_user_unread ON messages (user_id) WHERE read_at IS NULL;

-- The SMS outbox and send log.  A row is never deleted.  secret rows
-- (account.initial_password) hold a password in text only until the row
-- reaches a final state (sent, failed, disabled); then text becomes '***'.
-- next_attempt_at is when the dispatcher may next pick the row up.
CREATE TABLE sms_outbox (
  id              INTEGER PRIMARY KEY,
  event           TEXT NOT NULL,
  user_id         INTEGER REFERENCES users (id),
  phone           TEXT NOT NULL,
  text            TEXT NOT NULL,
  secret          INTEGER NOT NULL DEFAULT 0 CHECK (secret IN (0, 1)),
  status          TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed',
                                                  'disabled', 'deferred')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER,
  provider_id     TEXT
);

CREATE INDEX sms_outbox_due ON sms_outbox (status, next_attempt_at);
CREATE INDEX sms_outbox_sent_at ON sms_outbox (sent_at) WHERE sent_at IS NOT NULL;

INSERT INTO message_templates (event, title, body, sms, default_title, default_body, default_sms)
SELECT event, title, body, sms, title, body, sms FROM (
  SELECT 'workflow.task.assigned' AS event,
         '待办：{template_name}' AS title,
         '「{record_label}」已到“{step_name}”环节，办理期限：{due_at}。' AS body,
         '您有一项待办：「{record_label}」{template_name}已到“{step_name}”环节，办理期限：{due_at}，请登录系统办理。' AS sms
  UNION ALL SELECT 'workflow.task.overdue',
         '已超期：{template_name}',
         '「{record_label}」的“{step_name}”环节已超过办理期限（{due_at}），请尽快办理。',
         '提醒：「{record_label}」{template_name}的“{step_name}”环节已超过办理期限（{due_at}），请尽快登录系统办理。'
  UNION ALL SELECT 'workflow.instance.completed',
         '已办结：{template_name}',
         '您提交的「{record_label}」{template_name}已审核通过并办结。',
         '您提交的「{record_label}」{template_name}已审核通过并办结。'
  UNION ALL SELECT 'workflow.instance.rejected',
         '未通过：{template_name}',
         '您提交的「{record_label}」在“{step_name}”环节未通过审核。原因：{comment}',
         '您提交的「{record_label}」在“{step_name}”环节未通过审核，原因：{comment}'
  UNION ALL SELECT 'workflow.instance.returned',
         '请补充材料：{template_name}',
         '您提交的「{record_label}」在“{step_name}”环节被退回补充材料。说明：{comment}',
         '您提交的「{record_label}」在“{step_name}”环节被退回，请补充材料后重新提交。说明：{comment}'
  UNION ALL SELECT 'workflow.instance.cancelled',
         '已撤销：{template_name}',
         '您提交的「{record_label}」{template_name}已被管理员撤销。原因：{comment}',
         '您提交的「{record_label}」{template_name}已被撤销，原因：{comment}'
  UNION ALL SELECT 'feedback.replied',
         '您的意见反馈已回复',
         '您提交的意见反馈「{title}」已有回复：{reply}',
         '您提交的意见反馈「{title}」已有回复，请登录系统查看。'
  UNION ALL SELECT 'account.initial_password',
         '账号已开通',
         '您的账号{username}已开通。',
         '{name}您好，您的安居平台账号{username}已开通，初始密码{password}，首次登录后请立即修改密码。'
  UNION ALL SELECT 'message.manual',
         '{title}',
         '{body}',
         '{title}：{body}'
);

INSERT INTO push_strategies (event, inbox, sms, enabled) VALUES
  ('workflow.task.assigned', 1, 1, 1),
  ('workflow.task.overdue', 1, 1, 1),
  ('workflow.instance.completed', 1, 1, 1),
  ('workflow.instance.rejected', 1, 1, 1),
  ('workflow.instance.returned', 1, 1, 1),
  ('workflow.instance.cancelled', 1, 0, 1),
  ('feedback.replied', 1, 0, 1),
  ('account.initial_password', 0, 1, 1),
  ('message.manual', 1, 1, 1);
