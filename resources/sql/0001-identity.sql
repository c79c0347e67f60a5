-- 0001: identity and access (F-PORTAL-015 … 018), sessions, lockout and
-- the tamper-evident audit log (F-PORTAL-021).
--
-- Runs inside one transaction (see anju-db.h).  Times are seconds since the
-- Unix epoch (UTC); booleans are 0/1.  Only the seed timestamps below use
-- SQLite's strftime(); everything else is portable SQL.

-- Organisations form one tree: the New Area center is the root, streets
-- hang under it, communities under streets, enterprises and suppliers
-- under the center.  path is the materialised chain of ids ("/1/4/9/"),
-- which makes "is this record in the caller's subtree" a prefix test.
CREATE TABLE organisations (
  id          INTEGER PRIMARY KEY,
  parent_id   INTEGER REFERENCES organisations (id),
  kind        TEXT NOT NULL CHECK (kind IN ('center', 'street', 'community',
                                            'enterprise_operating',
                                            'enterprise_property',
                                            'enterprise_construction',
                                            'supplier')),
  name        TEXT NOT NULL,
  code        TEXT UNIQUE,
  description TEXT,
  -- NULL only between the INSERT and the UPDATE that sets it, in the same
  -- transaction: the path ends in the row's own id.
  path        TEXT UNIQUE,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK ((kind = 'center') = (parent_id IS NULL)),
  UNIQUE (parent_id, name)
);

-- Exactly one center: a partial unique index over the kind.
CREATE UNIQUE INDEX organisations_one_center
  ON organisations (kind) WHERE kind = 'center';
CREATE INDEX organisations_parent ON organisations (parent_id);

-- code is the stable machine name of a system role; custom roles have none.
CREATE TABLE roles (
  id          INTEGER PRIMARY KEY,
  code        TEXT UNIQUE,
  name        TEXT NOT NULL UNIQUE,
  description TEXT,
  is_system   INTEGER NOT NULL DEFAULT 0 CHECK (is_system IN (0, 1)),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

-- permission is an id from shared/anju-permissions.c; the server refuses
-- unknown ids before they get here.
CREATE TABLE role_permissions (
  role_id    INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  permission TEXT NOT NULL,
  PRIMARY KEY (role_id, permission)
);

-- password_hash is "pbkdf2-sm3$<iterations>$<b64 salt>$<b64 hash>".
-- locked_until is set when lockout_attempts failures fall within
-- lockout_window_minutes; a value in the past means "not locked".
CREATE TABLE users (
  id                   INTEGER PRIMARY KEY,
  username             TEXT NOT NULL UNIQUE,
  name                 TEXT NOT NULL,
  -- NULL only for accounts made by anju-server create-admin; the API
  -- requires a phone for every user it creates.
  phone                TEXT,
  post                 TEXT,
  org_id               INTEGER NOT NULL REFERENCES organisations (id),
  status               TEXT NOT NULL DEFAULT 'active'
                       CHECK (status IN ('active', 'disabled')),
  password_hash        TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 1
                       CHECK (must_change_password IN (0, 1)),
  locked_until         INTEGER,
  last_login_at        INTEGER,
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL
);

CREATE INDEX users_org ON users (org_id);

CREATE TABLE user_roles (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_id INTEGER NOT NULL REFERENCES roles (id),
  PRIMARY KEY (user_id, role_id)
);

CREATE INDEX user_roles_role ON user_roles (role_id);

-- Only the SHA-256 (hex) of a token is stored, so a copy of the database
-- does not hand out live sessions.
CREATE TABLE sessions (
  id             INTEGER PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash     TEXT NOT NULL UNIQUE,
  created_at     INTEGER NOT NULL,
  last_used_at   INTEGER NOT NULL,
  expires_at     INTEGER NOT NULL,
  client_address TEXT
);

CREATE INDEX sessions_user ON sessions (user_id);

-- One row per failed sign-in of an existing account; the lockout counts
-- the rows inside the window.  Cleared by a successful sign-in or unlock.
CREATE TABLE login_failures (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  at      INTEGER NOT NULL
);

CREATE INDEX login_failures_user_at ON login_failures (user_id, at);

-- The audit log deliberately has no foreign keys: it must outlive the
-- records and users it talks about.  hmac is HMAC-SM3 (hex) over the row's
-- fields and prev_hmac, the previous row's hmac ('' for the first row).
CREATE TABLE audit_log (
  id             INTEGER PRIMARY KEY,
  at             INTEGER NOT NULL,
  actor_id       INTEGER,
  actor          TEXT NOT NULL,
  org_id         INTEGER,
  org_path       TEXT,
  client_address TEXT,
  action         TEXT NOT NULL,
  entity         TEXT NOT NULL,
  entity_id      INTEGER,
  before_json    TEXT,
  after_json     TEXT,
  prev_hmac      TEXT NOT NULL,
  hmac           TEXT NOT NULL
);

CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- The seven system roles, as docs/permissions.md lists them (names and
-- permission sets).  center_admin holds the whole catalogue of
-- shared/anju-permissions.c; keep the three in step when it grows.
INSERT INTO roles (id, code, name, description, is_system, created_at, updated_at) VALUES
  (1, 'center_admin', '住保中心管理员', '住房保障服务中心系统管理员，拥有全部权限', 1,
   CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER)),
  (2, 'center_staff', '住保中心工作人员', '住房保障服务中心工作人员：查看全部数据，办理公租房与流程业务', 1,
   CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER)),
  (3, 'street_staff', '街道工作人员', '街道办事处工作人员：受理、审核本街道的公租房申请', 1,
   CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER)),
  (4, 'community_worker', '社区工作人员', '社区工作人员：录入和查看本社区的公租房申请', 1,
   CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER)),
  (5, 'enterprise_operator', '企业操作员', '运营或物业企业人员：维护房源、合同和挂牌信息', 1,
   CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER)),
  (6, 'supplier', '供应商', '生态供应商：维护本企业的服务信息', 1,
   CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER)),
  (7, 'terminal', '服务终端', '街道住保服务终端的登录账号', 1,
   CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER));

INSERT INTO role_permissions (role_id, permission) VALUES
  (1, 'portal.audit.read'),
  (1, 'portal.org.read'),
  (1, 'portal.org.write'),
  (1, 'portal.role.read'),
  (1, 'portal.role.write'),
  (1, 'portal.user.pii'),
  (1, 'portal.user.read'),
  (1, 'portal.user.write'),
  (1, 'workflow.instance.manage'),
  (1, 'workflow.template.write'),
  (1, 'pubrent.application.create'),
  (1, 'pubrent.application.read'),
  (1, 'pubrent.application.review'),
  (1, 'pubrent.housing.read'),
  (1, 'pubrent.housing.write'),
  (1, 'affordable.filing.review'),
  (1, 'affordable.project.declare'),
  (1, 'operations.contract.write'),
  (1, 'operations.listing.write'),
  (1, 'ecosystem.supplier.write'),
  (1, 'supervision.alert.handle'),
  (1, 'decision.dashboard.read'),
  (1, 'terminal.device.manage'),
  (1, 'terminal.kiosk.operate'),
  (1, 'support.message.send'),
  (1, 'iot.device.manage'),

  (2, 'portal.audit.read'),
  (2, 'portal.org.read'),
  (2, 'portal.role.read'),
  (2, 'portal.user.read'),
  (2, 'workflow.instance.manage'),
  (2, 'workflow.template.write'),
  (2, 'pubrent.application.create'),
  (2, 'pubrent.application.read'),
  (2, 'pubrent.application.review'),
  (2, 'pubrent.housing.read'),
  (2, 'pubrent.housing.write'),
  (2, 'decision.dashboard.read'),

  (3, 'portal.org.read'),
  (3, 'portal.user.read'),
  (3, 'pubrent.application.create'),
  (3, 'pubrent.application.read'),
  (3, 'pubrent.application.review'),
  (3, 'pubrent.housing.read'),

  (4, 'pubrent.application.create'),
  (4, 'pubrent.application.read'),

  (5, 'portal.user.read'),
  (5, 'pubrent.housing.read'),
  (5, 'pubrent.housing.write'),
  (5, 'operations.contract.write'),
  (5, 'operations.listing.write'),

  (6, 'ecosystem.supplier.write'),

  (7, 'terminal.kiosk.operate'),
  (7, 'pubrent.application.create');
