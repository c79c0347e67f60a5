-- 0023: fewer index pages for every write of the review process
-- (issue 7, writes).
--
-- A submit and an approval each commit one transaction that inserts
-- audit rows, a workflow instance or task and its history; every index
-- on those tables is one more page changed, written to the WAL and
-- copied back by the checkpoint, per commit.  These indexes serve no
-- query the server runs (EXPLAIN QUERY PLAN on the city database):
--
-- audit_log_at, audit_log_actor, audit_log_entity: the audit log is
-- read newest first by id (GET /audit, its filters written "(?n IS NULL
-- OR …)", which no index serves), by id, and in id order by
-- verify-audit.  Its chain tail is the last rowid.
DROP INDEX IF EXISTS audit_log_at;
DROP INDEX IF EXISTS audit_log_actor;
DROP INDEX IF EXISTS audit_log_entity;

-- workflow_instances_org, workflow_instances_submitter: the instance
-- list and the overview walk the instances and look the organisation up
-- by its key; the submitter is only read from an instance.  (Users are
-- never deleted; deleting an organisation, which must have neither
-- children nor users, checks instances without an index, as it already
-- checks tasks.)  workflow_instances_template stays: deleting a
-- template's versions counts its instances through it.
DROP INDEX IF EXISTS workflow_instances_org;
DROP INDEX IF EXISTS workflow_instances_submitter;

-- The done list looks tasks up by done_by = ?, which an open task never
-- matches; without its NULLs the index is no longer written when a task
-- opens.  The same for the to-do's assignee half (assignee_id = ?): most
-- open tasks belong to a role, not a person.  Both queries imply
-- "IS NOT NULL", so SQLite still uses them (the to-do names the second
-- with INDEXED BY; tests/server/test-todo-query-plans.c checks it).
DROP INDEX IF EXISTS workflow_tasks_done_by;
CREATE INDEX workflow_tasks_done_by
  ON workflow_tasks (done_by, done_at) WHERE done_by IS NOT NULL;
DROP INDEX IF EXISTS workflow_tasks_open_assignee;
CREATE INDEX workflow_tasks_open_assignee
  ON workflow_tasks (assignee_id) WHERE state = 'open' AND assignee_id IS NOT NULL;
