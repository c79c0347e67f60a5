-- 0018: the to-do list no longer walks the open tasks in its order.
--
-- 0016 gave GET /todo two indexes to walk every open task in due or
-- created order and keep the caller's.  At city size that walk was the
-- cost: a street reviewer's few hundred tasks among tens of thousands.
-- The list now finds the caller's tasks through workflow_tasks_open_
-- assignee and workflow_tasks_open_org_role (0005) and sorts those few
-- (server/workflow/anju-workflow-todo-api.c), so nothing reads these two
-- any more, while every task a process opens or closes still writes them.

DROP INDEX workflow_tasks_open_due_order;
DROP INDEX workflow_tasks_open_created;
