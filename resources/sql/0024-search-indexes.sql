-- 0024: the application search by name reads one index (issue 7,
-- search by name).
--
-- ?q= unites its ways to match (server/pubrent/applications/
-- anju-application-list.c) and sorts the matches by creation, newest
-- first, before it fetches a page of them.  With created_at in the name's
-- index the matches of a common name (hundreds at city size, thousands
-- for a surname alone) are sorted from the index, and only the page's
-- rows are read from the table.
DROP INDEX IF EXISTS pubrent_applications_name;
CREATE INDEX pubrent_applications_name_created
  ON pubrent_applications (applicant_name, created_at);
