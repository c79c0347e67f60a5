-- 0008: public rental housing stock (issue 4, F-PRH-012; projects of
-- operating enterprises, F-PRH-011).
--
-- Projects → buildings → units, with the fields of the seed's D06 项目信息表
-- and D07 住房信息表 that docs/api.md's Project and Unit objects carry.
-- Money is integer fen, areas integer 0.01 m², dates 'YYYY-MM-DD', times
-- seconds since the epoch.  Every change of a unit keeps a before/after
-- row in pubrent_unit_changes.

CREATE TABLE pubrent_projects (
  id              INTEGER PRIMARY KEY,
  project_no      TEXT NOT NULL UNIQUE,               -- D06 XMBH 项目编号
  name            TEXT NOT NULL,                      -- D06 XMLXMC 项目立项名称
  address         TEXT,                               -- D06 XMDZ 项目地址
  district        TEXT,                               -- D06 XZQHDM, as its name
  -- The operating enterprise; NULL before one is chosen or after it was
  -- purged.  Enterprise users see the projects of their own subtree.
  operator_org_id INTEGER REFERENCES organisations (id),
  status          TEXT NOT NULL DEFAULT 'planning'
                  CHECK (status IN ('planning', 'building', 'operating', 'closed')),
  start_date      TEXT,                               -- D06 SJKGRQ 实际开工日期
  end_date        TEXT,                               -- D06 SJJGRQ 实际竣工日期
  manager         TEXT,
  description     TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX pubrent_projects_operator ON pubrent_projects (operator_org_id);

CREATE TABLE pubrent_buildings (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES pubrent_projects (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,                          -- "3栋"
  building_no TEXT,                                   -- D07 DTGCBH 单体工程编号
  floors      INTEGER CHECK (floors IS NULL OR floors > 0),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  UNIQUE (project_id, name)
);

CREATE TABLE pubrent_units (
  id                  INTEGER PRIMARY KEY,
  unit_no             TEXT NOT NULL UNIQUE,           -- D07 FWBH 房屋编号
  project_id          INTEGER NOT NULL REFERENCES pubrent_projects (id) ON DELETE CASCADE,
  building_id         INTEGER NOT NULL REFERENCES pubrent_buildings (id) ON DELETE CASCADE,
  entrance            TEXT,                           -- D07 DY 单元
  room_no             TEXT NOT NULL,                  -- D07 FH 房号
  floor               INTEGER NOT NULL,               -- D07 MYLC 名义楼层
  layout              TEXT NOT NULL                   -- D07 HX 户型
                      CHECK (layout IN ('studio', 'one_bedroom', 'two_bedroom',
                                        'three_bedroom')),
  room_count          INTEGER CHECK (room_count IS NULL OR room_count >= 0), -- D07 JS 间数
  floor_area          INTEGER NOT NULL CHECK (floor_area > 0),   -- D07 JZMJ, 0.01 m²
  inner_area          INTEGER CHECK (inner_area IS NULL OR inner_area > 0), -- D07 TNJZMJ
  orientation         TEXT,                           -- D07 CX 朝向
  monthly_rent        INTEGER NOT NULL CHECK (monthly_rent >= 0),  -- fen
  facilities          TEXT,                           -- D07 GYHGYSSJBW 配套设施
  state               TEXT NOT NULL DEFAULT 'vacant'
                      CHECK (state IN ('vacant', 'allocated', 'leased')),
  abnormal            INTEGER NOT NULL DEFAULT 0 CHECK (abnormal IN (0, 1)),
  abnormal_kind       TEXT CHECK (abnormal_kind IS NULL
                                  OR abnormal_kind IN ('long_vacancy', 'needs_repair', 'other')),
  abnormal_reason     TEXT,
  abnormal_suggestion TEXT,
  abnormal_marked_at  INTEGER,
  abnormal_marked_by  INTEGER REFERENCES users (id),
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  CHECK ((abnormal = 1) = (abnormal_kind IS NOT NULL))
);
CREATE INDEX pubrent_units_project ON pubrent_units (project_id);
CREATE INDEX pubrent_units_building ON pubrent_units (building_id);
CREATE INDEX pubrent_units_state ON pubrent_units (state);

-- action: create, update, state_change, abnormal_mark, abnormal_unmark,
-- import.  before/after are the Unit JSON of docs/api.md (before NULL on
-- create and import); note holds the reason given to unmark.
CREATE TABLE pubrent_unit_changes (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER NOT NULL REFERENCES pubrent_units (id) ON DELETE CASCADE,
  action      TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT,
  note        TEXT,
  user_id     INTEGER REFERENCES users (id),
  at          INTEGER NOT NULL
);
CREATE INDEX pubrent_unit_changes_unit ON pubrent_unit_changes (unit_id, at);
