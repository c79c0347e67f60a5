-- 0022: the statistics page's counts kept up to date by the writes
-- themselves (issue 7, statistics p99).
--
-- Counting at request time read one index entry per application in
-- scope (400,000 at the center, 220-250 ms), and every write made the
-- next request count again.  Here each write adds and subtracts its own
-- row in small summary tables, inside its transaction, so an answer is a
-- sum over a few thousand rows whatever the scope, and always exact.
--
-- Keyed by organisation (not by organisation path): a scope is the
-- organisations whose path starts with the caller's, joined at read
-- time, so moving an organisation in the tree changes nothing here.
-- Rows whose count fell to 0 stay; they add nothing to a sum.

-- Applications by organisation, business type and stage.
CREATE TABLE pubrent_statistics_stages (
  org_id        INTEGER NOT NULL,
  business_type TEXT NOT NULL,
  status        TEXT NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (org_id, business_type, status)
) WITHOUT ROWID;

-- Applications by organisation and calendar month (Shanghai, UTC+8, no
-- daylight saving; yyyymm): submitted (submitted_at), confirmed
-- (confirmed_at) and rejected (decided_at of a rejected one) in it.
CREATE TABLE pubrent_statistics_months (
  org_id    INTEGER NOT NULL,
  month     INTEGER NOT NULL,
  submitted INTEGER NOT NULL DEFAULT 0,
  confirmed INTEGER NOT NULL DEFAULT 0,
  rejected  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, month)
) WITHOUT ROWID;

-- Units by project, state and abnormal mark.
CREATE TABLE pubrent_statistics_units (
  project_id INTEGER NOT NULL,
  state      TEXT NOT NULL,
  abnormal   INTEGER NOT NULL,
  n          INTEGER NOT NULL,
  PRIMARY KEY (project_id, state, abnormal)
) WITHOUT ROWID;

-- The existing data, once (at city size: ~0.2 s for the stages over
-- pubrent_applications_org_stage, ~0.6 s for the months, ~0.2 s for the
-- units over pubrent_units_project_state).
INSERT INTO pubrent_statistics_stages (org_id, business_type, status, n)
  SELECT org_id, business_type, status, COUNT(*) FROM pubrent_applications
  GROUP BY org_id, business_type, status;

INSERT INTO pubrent_statistics_months (org_id, month, submitted, confirmed, rejected)
  SELECT org_id, month, SUM (submitted), SUM (confirmed), SUM (rejected) FROM
   (SELECT org_id, CAST (strftime ('%Y%m', submitted_at + 28800, 'unixepoch') AS INTEGER) AS month,
           1 AS submitted, 0 AS confirmed, 0 AS rejected
    FROM pubrent_applications WHERE submitted_at IS NOT NULL
    UNION ALL
    SELECT org_id, CAST (strftime ('%Y%m', confirmed_at + 28800, 'unixepoch') AS INTEGER), 0, 1, 0
    FROM pubrent_applications WHERE confirmed_at IS NOT NULL
    UNION ALL
    SELECT org_id, CAST (strftime ('%Y%m', decided_at + 28800, 'unixepoch') AS INTEGER), 0, 0, 1
    FROM pubrent_applications WHERE status = 'rejected' AND decided_at IS NOT NULL)
  GROUP BY org_id, month;

INSERT INTO pubrent_statistics_units (project_id, state, abnormal, n)
  SELECT project_id, state, abnormal, COUNT(*) FROM pubrent_units
  GROUP BY project_id, state, abnormal;

-- Only the statistics read these, and the summaries replace them: fewer
-- indexes for submissions and decisions to write.
DROP INDEX IF EXISTS pubrent_applications_submitted_org;
DROP INDEX IF EXISTS pubrent_applications_confirmed_org;
DROP INDEX IF EXISTS pubrent_applications_rejected_org;

-- The triggers: an application or unit counts in the summaries exactly
-- as long as its row exists with those values.  UPDATE triggers fire
-- only when a counted column changes (WHEN), so most writes (members,
-- contact details, pre-review reports) cost nothing here.  The upserts'
-- SELECT … WHERE form is what lets an INSERT in a trigger take ON
-- CONFLICT (SQLite's parsing rule for upsert after SELECT).

CREATE TRIGGER pubrent_statistics_stages_insert AFTER INSERT ON pubrent_applications
BEGIN
  INSERT INTO pubrent_statistics_stages (org_id, business_type, status, n)
    SELECT NEW.org_id, NEW.business_type, NEW.status, 1 WHERE 1
    ON CONFLICT (org_id, business_type, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER pubrent_statistics_stages_delete AFTER DELETE ON pubrent_applications
BEGIN
  UPDATE pubrent_statistics_stages SET n = n - 1
    WHERE org_id = OLD.org_id AND business_type = OLD.business_type AND status = OLD.status;
END;
CREATE TRIGGER pubrent_statistics_stages_update
  AFTER UPDATE OF org_id, business_type, status ON pubrent_applications
  WHEN OLD.org_id IS NOT NEW.org_id OR OLD.business_type IS NOT NEW.business_type
       OR OLD.status IS NOT NEW.status
BEGIN
  UPDATE pubrent_statistics_stages SET n = n - 1
    WHERE org_id = OLD.org_id AND business_type = OLD.business_type AND status = OLD.status;
  INSERT INTO pubrent_statistics_stages (org_id, business_type, status, n)
    SELECT NEW.org_id, NEW.business_type, NEW.status, 1 WHERE 1
    ON CONFLICT (org_id, business_type, status) DO UPDATE SET n = n + 1;
END;

-- Months: one trigger per figure and direction, each guarded by whether
-- the application counts in it at all.
CREATE TRIGGER pubrent_statistics_submitted_add
  AFTER INSERT ON pubrent_applications WHEN NEW.submitted_at IS NOT NULL
BEGIN
  INSERT INTO pubrent_statistics_months (org_id, month, submitted)
    SELECT NEW.org_id, CAST (strftime ('%Y%m', NEW.submitted_at + 28800, 'unixepoch') AS INTEGER), 1
    WHERE 1
    ON CONFLICT (org_id, month) DO UPDATE SET submitted = submitted + 1;
END;
CREATE TRIGGER pubrent_statistics_confirmed_add
  AFTER INSERT ON pubrent_applications WHEN NEW.confirmed_at IS NOT NULL
BEGIN
  INSERT INTO pubrent_statistics_months (org_id, month, confirmed)
    SELECT NEW.org_id, CAST (strftime ('%Y%m', NEW.confirmed_at + 28800, 'unixepoch') AS INTEGER), 1
    WHERE 1
    ON CONFLICT (org_id, month) DO UPDATE SET confirmed = confirmed + 1;
END;
CREATE TRIGGER pubrent_statistics_rejected_add
  AFTER INSERT ON pubrent_applications
  WHEN NEW.status = 'rejected' AND NEW.decided_at IS NOT NULL
BEGIN
  INSERT INTO pubrent_statistics_months (org_id, month, rejected)
    SELECT NEW.org_id, CAST (strftime ('%Y%m', NEW.decided_at + 28800, 'unixepoch') AS INTEGER), 1
    WHERE 1
    ON CONFLICT (org_id, month) DO UPDATE SET rejected = rejected + 1;
END;

CREATE TRIGGER pubrent_statistics_submitted_remove
  AFTER DELETE ON pubrent_applications WHEN OLD.submitted_at IS NOT NULL
BEGIN
  UPDATE pubrent_statistics_months SET submitted = submitted - 1
    WHERE org_id = OLD.org_id
      AND month = CAST (strftime ('%Y%m', OLD.submitted_at + 28800, 'unixepoch') AS INTEGER);
END;
CREATE TRIGGER pubrent_statistics_confirmed_remove
  AFTER DELETE ON pubrent_applications WHEN OLD.confirmed_at IS NOT NULL
BEGIN
  UPDATE pubrent_statistics_months SET confirmed = confirmed - 1
    WHERE org_id = OLD.org_id
      AND month = CAST (strftime ('%Y%m', OLD.confirmed_at + 28800, 'unixepoch') AS INTEGER);
END;
CREATE TRIGGER pubrent_statistics_rejected_remove
  AFTER DELETE ON pubrent_applications
  WHEN OLD.status = 'rejected' AND OLD.decided_at IS NOT NULL
BEGIN
  UPDATE pubrent_statistics_months SET rejected = rejected - 1
    WHERE org_id = OLD.org_id
      AND month = CAST (strftime ('%Y%m', OLD.decided_at + 28800, 'unixepoch') AS INTEGER);
END;

CREATE TRIGGER pubrent_statistics_submitted_update
  AFTER UPDATE OF org_id, submitted_at ON pubrent_applications
  WHEN OLD.org_id IS NOT NEW.org_id OR OLD.submitted_at IS NOT NEW.submitted_at
BEGIN
  UPDATE pubrent_statistics_months SET submitted = submitted - 1
    WHERE OLD.submitted_at IS NOT NULL AND org_id = OLD.org_id
      AND month = CAST (strftime ('%Y%m', OLD.submitted_at + 28800, 'unixepoch') AS INTEGER);
  INSERT INTO pubrent_statistics_months (org_id, month, submitted)
    SELECT NEW.org_id, CAST (strftime ('%Y%m', NEW.submitted_at + 28800, 'unixepoch') AS INTEGER), 1
    WHERE NEW.submitted_at IS NOT NULL
    ON CONFLICT (org_id, month) DO UPDATE SET submitted = submitted + 1;
END;
CREATE TRIGGER pubrent_statistics_confirmed_update
  AFTER UPDATE OF org_id, confirmed_at ON pubrent_applications
  WHEN OLD.org_id IS NOT NEW.org_id OR OLD.confirmed_at IS NOT NEW.confirmed_at
BEGIN
  UPDATE pubrent_statistics_months SET confirmed = confirmed - 1
    WHERE OLD.confirmed_at IS NOT NULL AND org_id = OLD.org_id
      AND month = CAST (strftime ('%Y%m', OLD.confirmed_at + 28800, 'unixepoch') AS INTEGER);
  INSERT INTO pubrent_statistics_months (org_id, month, confirmed)
    SELECT NEW.org_id, CAST (strftime ('%Y%m', NEW.confirmed_at + 28800, 'unixepoch') AS INTEGER), 1
    WHERE NEW.confirmed_at IS NOT NULL
    ON CONFLICT (org_id, month) DO UPDATE SET confirmed = confirmed + 1;
END;
CREATE TRIGGER pubrent_statistics_rejected_update
  AFTER UPDATE OF org_id, status, decided_at ON pubrent_applications
  WHEN (OLD.status = 'rejected' AND OLD.decided_at IS NOT NULL)
       OR (NEW.status = 'rejected' AND NEW.decided_at IS NOT NULL)
BEGIN
  UPDATE pubrent_statistics_months SET rejected = rejected - 1
    WHERE OLD.status = 'rejected' AND OLD.decided_at IS NOT NULL AND org_id = OLD.org_id
      AND month = CAST (strftime ('%Y%m', OLD.decided_at + 28800, 'unixepoch') AS INTEGER);
  INSERT INTO pubrent_statistics_months (org_id, month, rejected)
    SELECT NEW.org_id, CAST (strftime ('%Y%m', NEW.decided_at + 28800, 'unixepoch') AS INTEGER), 1
    WHERE NEW.status = 'rejected' AND NEW.decided_at IS NOT NULL
    ON CONFLICT (org_id, month) DO UPDATE SET rejected = rejected + 1;
END;

CREATE TRIGGER pubrent_statistics_units_insert AFTER INSERT ON pubrent_units
BEGIN
  INSERT INTO pubrent_statistics_units (project_id, state, abnormal, n)
    SELECT NEW.project_id, NEW.state, NEW.abnormal, 1 WHERE 1
    ON CONFLICT (project_id, state, abnormal) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER pubrent_statistics_units_delete AFTER DELETE ON pubrent_units
BEGIN
  UPDATE pubrent_statistics_units SET n = n - 1
    WHERE project_id = OLD.project_id AND state = OLD.state AND abnormal = OLD.abnormal;
END;
CREATE TRIGGER pubrent_statistics_units_update
  AFTER UPDATE OF project_id, state, abnormal ON pubrent_units
  WHEN OLD.project_id IS NOT NEW.project_id OR OLD.state IS NOT NEW.state
       OR OLD.abnormal IS NOT NEW.abnormal
BEGIN
  UPDATE pubrent_statistics_units SET n = n - 1
    WHERE project_id = OLD.project_id AND state = OLD.state AND abnormal = OLD.abnormal;
  INSERT INTO pubrent_statistics_units (project_id, state, abnormal, n)
    SELECT NEW.project_id, NEW.state, NEW.abnormal, 1 WHERE 1
    ON CONFLICT (project_id, state, abnormal) DO UPDATE SET n = n + 1;
END;

-- The unit list's kept page starts (anju-unit-positions.h) depend only
-- on what its filters and its order read: a change of rent, area or
-- facilities no longer makes the list be walked again.  WHEN as well
-- as OF: the unit PATCH sets every column it may change.
DROP TRIGGER pubrent_units_version_update;
CREATE TRIGGER pubrent_units_version_update
  AFTER UPDATE OF unit_no, room_no, project_id, building_id, state, abnormal, layout
  ON pubrent_units
  WHEN OLD.unit_no IS NOT NEW.unit_no OR OLD.room_no IS NOT NEW.room_no
       OR OLD.project_id IS NOT NEW.project_id OR OLD.building_id IS NOT NEW.building_id
       OR OLD.state IS NOT NEW.state OR OLD.abnormal IS NOT NEW.abnormal
       OR OLD.layout IS NOT NEW.layout
BEGIN
  UPDATE pubrent_units_version SET version = version + 1 WHERE id = 1;
END;
