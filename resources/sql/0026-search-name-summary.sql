-- 0026: the search by name reads its page from one index (issue 7,
-- search by name).
--
-- A name's matches were sorted from pubrent_applications_name_created
-- (0024), then each row of the page was read from the table: one random
-- page of a 700 MB table a namesake, which at city size the kernel
-- copied from the page cache on every request (18 % of the server's
-- CPU under the search).  This index holds every column the summary
-- shows (ANJU_APPLICATION_SUMMARY_COLUMNS), so the page's rows come from
-- the few leaf pages where a name's entries lie side by side
-- (anju-application-list.c reads them with INDEXED BY).
DROP INDEX IF EXISTS pubrent_applications_name_created;
CREATE INDEX pubrent_applications_name_summary
  ON pubrent_applications (applicant_name, created_at, application_no, business_type, status,
                           org_id, id_no, phone, household_size, employer_name, submitted_at,
                           updated_at);
