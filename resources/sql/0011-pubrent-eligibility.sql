-- 0011: eligibility pre-review of public rental housing applications
-- (issue 4, F-PRH-008): the center's business settings, the pre-review
-- rules with their thresholds, and the records imported from other
-- departments' systems (hukou, property, benefits, 低保, leases, marriage)
-- that the rules check declarations against.  docs/api.md, "Eligibility
-- pre-review", is the contract.

-- Business periods the center sets in anju-desktop (公租房业务设置);
-- values are whole numbers (days).
CREATE TABLE pubrent_settings (
  key         TEXT PRIMARY KEY,
  value       INTEGER NOT NULL,
  updated_at  INTEGER,
  updated_by  INTEGER REFERENCES users (id)
);

INSERT INTO pubrent_settings (key, value) VALUES
  ('street_publicity_days', 7),
  ('announcement_days', 7);

-- One row per rule the server knows (server/pubrent/eligibility/
-- anju-prereview-rules.c) with its Chinese name as reports show it;
-- position is the order of the report.
-- threshold is in the rule's own integer unit: years for hukou_years,
-- fen for income_per_capita, 0.01 m² for area_per_capita, NULL for rules
-- without one.
CREATE TABLE pubrent_rules (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  position    INTEGER NOT NULL UNIQUE,
  enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  threshold   INTEGER,
  updated_at  INTEGER,
  updated_by  INTEGER REFERENCES users (id)
);

INSERT INTO pubrent_rules (code, name, position, enabled, threshold) VALUES
  ('hukou_years', '长沙户籍年限', 1, 1, 3),
  ('no_property_new_area', '新区无房产（定向）', 2, 1, NULL),
  ('no_housing_benefit', '未享受住房保障', 3, 1, NULL),
  ('income_per_capita', '家庭人均年收入', 4, 1, 6000000),
  ('area_per_capita', '家庭人均住房建筑面积', 5, 1, 1500),
  ('dibao', '低保家庭（仅提示）', 6, 1, NULL);

-- Facts about a person from another department's system.  data is the
-- kind's own short text (docs/api.md: "External record data"), e.g. for
-- hukou "430104,2019-05-01" (county code, registered since).
CREATE TABLE pubrent_external_records (
  id           INTEGER PRIMARY KEY,
  id_no        TEXT NOT NULL,
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('hukou', 'property', 'benefit',
                                             'dibao', 'lease', 'marriage')),
  data         TEXT NOT NULL,
  source       TEXT,
  imported_at  INTEGER NOT NULL,
  imported_by  INTEGER REFERENCES users (id)
);

CREATE INDEX pubrent_external_records_person
  ON pubrent_external_records (id_no, kind);
