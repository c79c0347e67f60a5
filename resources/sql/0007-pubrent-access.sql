-- 0007: access for public rental housing part 1 (issue 4).
--
-- Employers (用人单位) file directed applications for their staff
-- (seed L2463), so they become an organisation kind of their own, with a
-- system role for their clerks.  Three permissions are new: operating
-- enterprises, document templates and generation, eligibility rules.
-- Keep in step with docs/permissions.md and shared/anju-permissions.c.

-- SQLite cannot change a CHECK constraint in place: the table is rebuilt
-- with its rows and ids.  Foreign keys stay on; deferring them lets the
-- children point nowhere between the DROP and the re-INSERT, and the
-- re-INSERT settles every one of them before the commit checks.
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE organisations_before_0007 AS SELECT * FROM organisations;
DROP TABLE organisations;

CREATE TABLE organisations (
  id          INTEGER PRIMARY KEY,
  parent_id   INTEGER REFERENCES organisations (id),
  kind        TEXT NOT NULL CHECK (kind IN ('center', 'street', 'community',
                                            'enterprise_operating',
                                            'enterprise_property',
                                            'enterprise_construction',
                                            'employer',
                                            'supplier')),
  name        TEXT NOT NULL,
  code        TEXT UNIQUE,
  description TEXT,
  path        TEXT UNIQUE,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK ((kind = 'center') = (parent_id IS NULL)),
  UNIQUE (parent_id, name)
);

INSERT INTO organisations (id, parent_id, kind, name, code, description, path,
                           created_at, updated_at)
SELECT id, parent_id, kind, name, code, description, path, created_at, updated_at
  FROM organisations_before_0007 ORDER BY length(path), id;
DROP TABLE organisations_before_0007;

CREATE UNIQUE INDEX organisations_one_center
  ON organisations (kind) WHERE kind = 'center';
CREATE INDEX organisations_parent ON organisations (parent_id);

INSERT INTO roles (id, code, name, description, is_system, created_at, updated_at) VALUES
  (8, 'enterprise_employer', '用人单位经办人',
   '用人单位经办人员：为本单位职工提交和查看定向公租房申请', 1,
   CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER));

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission
  FROM roles r
  JOIN (SELECT 'center_admin' AS code, 'pubrent.document.write' AS permission
        UNION ALL SELECT 'center_admin', 'pubrent.enterprise.manage'
        UNION ALL SELECT 'center_admin', 'pubrent.rules.write'
        UNION ALL SELECT 'center_staff', 'pubrent.document.write'
        UNION ALL SELECT 'center_staff', 'pubrent.enterprise.manage'
        UNION ALL SELECT 'center_staff', 'pubrent.rules.write'
        UNION ALL SELECT 'enterprise_employer', 'pubrent.application.create'
        UNION ALL SELECT 'enterprise_employer', 'pubrent.application.read') p
    ON p.code = r.code;
