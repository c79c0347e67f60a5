-- 0017: indexes that serve the unit list and the application search at
-- city scale (issue 7: 600 000 units, 400 000 applications, 1 000 000
-- members).
--
-- The lists build their WHERE from the filters actually given
-- (anju-housing-units.c, anju-application-list.c), so each
-- filter is a plain "column = ?" an index can use.  Each index below
-- ends in the list's order, so that the filtered list walks its rows in
-- the order it answers them and stops after one page: no full SCAN of
-- the table, no TEMP B-TREE for the ORDER BY (tests/server/
-- test-list-query-plans.c keeps it so).

-- The unit list: ORDER BY u.unit_no (unique: the autoindex of the
-- UNIQUE constraint serves the unfiltered list).  Each replaces the
-- single-column index of 0008 it starts with.
DROP INDEX pubrent_units_project;
DROP INDEX pubrent_units_building;
DROP INDEX pubrent_units_state;
CREATE INDEX pubrent_units_project_order ON pubrent_units (project_id, unit_no);
CREATE INDEX pubrent_units_project_state_order ON pubrent_units (project_id, state, unit_no);
CREATE INDEX pubrent_units_building_order ON pubrent_units (building_id, unit_no);
CREATE INDEX pubrent_units_state_order ON pubrent_units (state, unit_no);

-- The application list: ORDER BY a.created_at DESC, a.id DESC (the rowid
-- ends every index entry).  By status, and by entering organisation (a
-- scope is a set of organisations); the second replaces 0010's (org_id).
DROP INDEX pubrent_applications_org;
CREATE INDEX pubrent_applications_org_created ON pubrent_applications (org_id, created_at);
CREATE INDEX pubrent_applications_status_created ON pubrent_applications (status, created_at);

-- A number that changes whenever a unit is added, changed or removed (or
-- who operates a project, which is an enterprise's scope), so
-- that what a reader worked out about the unit list (its total, the unit
-- number at every 128th position: anju-unit-positions.h) is used only
-- while it is still true.  One row; the triggers run in the writing
-- transaction.
CREATE TABLE pubrent_units_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO pubrent_units_version (id, version) VALUES (1, 0);
CREATE TRIGGER pubrent_units_version_insert AFTER INSERT ON pubrent_units
BEGIN
  UPDATE pubrent_units_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER pubrent_units_version_update AFTER UPDATE ON pubrent_units
BEGIN
  UPDATE pubrent_units_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER pubrent_units_version_delete AFTER DELETE ON pubrent_units
BEGIN
  UPDATE pubrent_units_version SET version = version + 1 WHERE id = 1;
END;
-- An enterprise's units are those of the projects its subtree operates.
CREATE TRIGGER pubrent_projects_units_version AFTER UPDATE OF operator_org_id ON pubrent_projects
BEGIN
  UPDATE pubrent_units_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER organisations_path_units_version AFTER UPDATE OF path ON organisations
BEGIN
  UPDATE pubrent_units_version SET version = version + 1 WHERE id = 1;
END;

-- The same for the application list's totals (anju-list-totals.h):
-- changes of what its filters read, in applications, their members'
-- ID numbers and the organisations' paths (the scopes).
CREATE TABLE pubrent_applications_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO pubrent_applications_version (id, version) VALUES (1, 0);
CREATE TRIGGER pubrent_applications_version_insert AFTER INSERT ON pubrent_applications
BEGIN
  UPDATE pubrent_applications_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER pubrent_applications_version_update
  AFTER UPDATE OF application_no, business_type, status, org_id, applicant_name, id_no,
                  submitted_at, created_at ON pubrent_applications
BEGIN
  UPDATE pubrent_applications_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER pubrent_applications_version_delete AFTER DELETE ON pubrent_applications
BEGIN
  UPDATE pubrent_applications_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER pubrent_members_version_insert AFTER INSERT ON pubrent_members
BEGIN
  UPDATE pubrent_applications_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER pubrent_members_version_update AFTER UPDATE OF id_no, application_id
  ON pubrent_members
BEGIN
  UPDATE pubrent_applications_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER pubrent_members_version_delete AFTER DELETE ON pubrent_members
BEGIN
  UPDATE pubrent_applications_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER organisations_path_version AFTER UPDATE OF path ON organisations
BEGIN
  UPDATE pubrent_applications_version SET version = version + 1 WHERE id = 1;
END;
