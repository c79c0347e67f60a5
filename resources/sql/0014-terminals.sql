-- 0014: the street service terminals' back office (issue 5, F-TERM-001,
-- -002, -003; docs/api.md "Service terminals"): the registry with its
-- change history, the terminals' service users, their home-screen
-- layouts, the peripherals they report in heartbeats and the alerts the
-- sweep raises.

-- A service user is the account a terminal's requests run as.  It never
-- signs in with a password and is left out of the user list.
ALTER TABLE users ADD COLUMN is_service INTEGER NOT NULL DEFAULT 0
  CHECK (is_service IN (0, 1));

-- credential_hash is the SHA-256 (hex) of the credential, which is shown
-- once.  A revoked credential keeps its hash (with credential_revoked_at
-- set), so the server can tell "revoked" from "wrong".  A deleted terminal
-- keeps its row (and its sn and terminal_no) for the history.
-- peripherals is the configured set: {"camera":{"enabled","model"}, …}.
CREATE TABLE terminals (
  id                    INTEGER PRIMARY KEY,
  sn                    TEXT NOT NULL UNIQUE,
  terminal_no           TEXT NOT NULL UNIQUE,
  name                  TEXT NOT NULL,
  person_in_charge      TEXT NOT NULL,
  person_phone          TEXT,
  org_id                INTEGER NOT NULL REFERENCES organisations (id),
  location              TEXT NOT NULL,
  network               TEXT,
  model                 TEXT,
  peripherals           TEXT NOT NULL DEFAULT '{}',
  state                 TEXT NOT NULL DEFAULT 'enabled'
                        CHECK (state IN ('enabled', 'disabled', 'deleted')),
  service_user_id       INTEGER NOT NULL UNIQUE REFERENCES users (id),
  credential_hash       TEXT,
  credential_issued_at  INTEGER,
  credential_revoked_at INTEGER,
  last_heartbeat_at     INTEGER,
  app_version           TEXT,
  created_at            INTEGER NOT NULL,
  updated_at            INTEGER NOT NULL
);

CREATE INDEX terminals_org ON terminals (org_id);

-- The full history of a terminal's registry record (F-TERM-001): one row
-- per write, the record before and after (never the credential).
CREATE TABLE terminal_changes (
  id          INTEGER PRIMARY KEY,
  terminal_id INTEGER NOT NULL REFERENCES terminals (id),
  action      TEXT NOT NULL,
  at          INTEGER NOT NULL,
  actor_id    INTEGER REFERENCES users (id),
  actor_name  TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT
);

CREATE INDEX terminal_changes_terminal ON terminal_changes (terminal_id, id);

-- The peripherals as the terminal last reported them.  since is when the
-- state last changed, updated_at the last heartbeat that mentioned it.
CREATE TABLE terminal_peripherals (
  terminal_id INTEGER NOT NULL REFERENCES terminals (id),
  kind        TEXT NOT NULL CHECK (kind IN ('camera', 'fingerprint', 'id_reader', 'printer')),
  state       TEXT NOT NULL CHECK (state IN ('ok', 'missing', 'error', 'disabled')),
  message     TEXT,
  since       INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (terminal_id, kind)
);

-- An alert is active until recovered_at is set: open until someone
-- handles it or the terminal (peripheral) is back, whichever comes first.
-- peripheral is NULL for terminal_offline.
CREATE TABLE terminal_alerts (
  id           INTEGER PRIMARY KEY,
  terminal_id  INTEGER NOT NULL REFERENCES terminals (id),
  kind         TEXT NOT NULL CHECK (kind IN ('terminal_offline', 'peripheral_fault')),
  peripheral   TEXT,
  message      TEXT NOT NULL,
  raised_at    INTEGER NOT NULL,
  state        TEXT NOT NULL DEFAULT 'open'
               CHECK (state IN ('open', 'handled', 'recovered')),
  recovered_at INTEGER,
  handled_by   INTEGER REFERENCES users (id),
  handled_at   INTEGER,
  note         TEXT,
  CHECK ((kind = 'terminal_offline') = (peripheral IS NULL))
);

-- One active alert per terminal and peripheral at a time.
CREATE UNIQUE INDEX terminal_alerts_active
  ON terminal_alerts (terminal_id, kind, COALESCE(peripheral, ''))
  WHERE recovered_at IS NULL;
CREATE INDEX terminal_alerts_raised ON terminal_alerts (raised_at);

-- The home screen of one terminal (F-TERM-002); a terminal without a row
-- shows the default layout.  modules: [{"key","enabled"}] in display order.
CREATE TABLE terminal_layouts (
  terminal_id    INTEGER PRIMARY KEY REFERENCES terminals (id),
  title          TEXT NOT NULL,
  modules        TEXT NOT NULL,
  banner_file_id INTEGER REFERENCES files (id),
  theme          TEXT NOT NULL DEFAULT 'standard'
                 CHECK (theme IN ('standard', 'high_contrast')),
  updated_by     INTEGER REFERENCES users (id),
  updated_at     INTEGER NOT NULL
);

-- Permissions (docs/permissions.md): identity captures for the center;
-- center staff now keep the terminals too.
INSERT INTO role_permissions (role_id, permission) VALUES
  (1, 'terminal.capture.read'),
  (2, 'terminal.capture.read'),
  (2, 'terminal.device.manage');

-- The sweep's alerts (server/messages/anju-message-events.c).
INSERT INTO message_templates (event, title, body, sms, default_title, default_body, default_sms)
SELECT event, title, body, sms, title, body, sms FROM (
  SELECT 'terminal.alert' AS event,
         '终端告警：{terminal_no} {terminal_name}' AS title,
         '服务终端{terminal_no}（{terminal_name}，{location}）：{message}' AS body,
         '服务终端{terminal_no}（{terminal_name}，{location}）告警：{message}，请及时处理。' AS sms
);

INSERT INTO push_strategies (event, inbox, sms, enabled) VALUES
  ('terminal.alert', 1, 0, 1);
