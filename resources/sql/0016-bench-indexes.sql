-- 0016: indexes the city-scale benchmark (issue 7) showed missing.
--
-- Each one lets a list walk its rows in the order it answers them and
-- stop after one page, instead of sorting every matching row first
-- (EXPLAIN QUERY PLAN: "USE TEMP B-TREE FOR ORDER BY" goes away).  The
-- filters of these lists are written "(?n IS NULL OR column = ?n)", which
-- no index serves, so the order is what an index can give them.

-- GET /pubrent/applications and its export: ORDER BY a.created_at DESC,
-- a.id DESC (the rowid ends every index entry, so id needs no column).
CREATE INDEX pubrent_applications_created ON pubrent_applications (created_at);

-- GET /todo, default order: ORDER BY t.due_at IS NULL, t.due_at, t.id
-- over the open tasks (tasks without a due date last).
CREATE INDEX workflow_tasks_open_due_order
  ON workflow_tasks (due_at IS NULL, due_at) WHERE state = 'open';

-- GET /todo?sort=created: ORDER BY t.created_at, t.id over the open tasks.
CREATE INDEX workflow_tasks_open_created
  ON workflow_tasks (created_at) WHERE state = 'open';
