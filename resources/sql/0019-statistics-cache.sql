-- 0019: what the statistics page (GET /pubrent/statistics) needs at city
-- size (issue 7): indexes that serve each of its counts without reading
-- a table row, and a change counter that tells its cache when an answer
-- went stale.

-- Applications by type and stage: per organisation in scope, walked in
-- (business_type, status) order, so the GROUP BY needs no sort.  It
-- serves every lookup by org_id the index it replaces served.
DROP INDEX IF EXISTS pubrent_applications_org;
CREATE INDEX pubrent_applications_org_stage
  ON pubrent_applications (org_id, business_type, status);

-- Applications by month: one range per month, each entry carrying the
-- organisation for the scope test.  Partial: drafts and the undecided
-- are not in them, so most writes leave them alone.
CREATE INDEX pubrent_applications_submitted_org
  ON pubrent_applications (submitted_at, org_id) WHERE submitted_at IS NOT NULL;
CREATE INDEX pubrent_applications_confirmed_org
  ON pubrent_applications (confirmed_at, org_id) WHERE confirmed_at IS NOT NULL;
CREATE INDEX pubrent_applications_rejected_org
  ON pubrent_applications (decided_at, org_id, status) WHERE status = 'rejected';

-- Units by project and state: one walk of the project's entries.  It
-- serves every lookup by project_id the index it replaces served.
DROP INDEX IF EXISTS pubrent_units_project;
CREATE INDEX pubrent_units_project_state
  ON pubrent_units (project_id, state, abnormal);

-- One row whose generation goes up in the transaction of every change
-- to what the statistics count (applications, units, projects, the
-- organisation tree).  A cached answer remembers the generation it was
-- counted at (read in the same snapshot) and is served only while the
-- generation is still that: exact whoever writes, and a rolled-back
-- change rolls its increment back with it.
CREATE TABLE pubrent_statistics_generation (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
INSERT INTO pubrent_statistics_generation (id, generation) VALUES (1, 0);

CREATE TRIGGER pubrent_statistics_application_insert AFTER INSERT ON pubrent_applications
BEGIN
  UPDATE pubrent_statistics_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER pubrent_statistics_application_delete AFTER DELETE ON pubrent_applications
BEGIN
  UPDATE pubrent_statistics_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER pubrent_statistics_application_update
  AFTER UPDATE OF business_type, status, org_id, submitted_at, decided_at, confirmed_at
  ON pubrent_applications
BEGIN
  UPDATE pubrent_statistics_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER pubrent_statistics_unit_insert AFTER INSERT ON pubrent_units
BEGIN
  UPDATE pubrent_statistics_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER pubrent_statistics_unit_delete AFTER DELETE ON pubrent_units
BEGIN
  UPDATE pubrent_statistics_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER pubrent_statistics_unit_update
  AFTER UPDATE OF project_id, state, abnormal ON pubrent_units
BEGIN
  UPDATE pubrent_statistics_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER pubrent_statistics_project_insert AFTER INSERT ON pubrent_projects
BEGIN
  UPDATE pubrent_statistics_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER pubrent_statistics_project_delete AFTER DELETE ON pubrent_projects
BEGIN
  UPDATE pubrent_statistics_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER pubrent_statistics_project_update
  AFTER UPDATE OF project_no, name, operator_org_id ON pubrent_projects
BEGIN
  UPDATE pubrent_statistics_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER pubrent_statistics_organisation_insert AFTER INSERT ON organisations
BEGIN
  UPDATE pubrent_statistics_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER pubrent_statistics_organisation_delete AFTER DELETE ON organisations
BEGIN
  UPDATE pubrent_statistics_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER pubrent_statistics_organisation_update AFTER UPDATE OF path ON organisations
BEGIN
  UPDATE pubrent_statistics_generation SET generation = generation + 1 WHERE id = 1;
END;
