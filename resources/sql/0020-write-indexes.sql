-- 0020: the external records' person index also in the order they are
-- read (issue 7, writes).
--
-- The pre-review and the lease check read a person's records of one
-- kind newest first: WHERE id_no = ? AND kind = ? ORDER BY imported_at
-- DESC (, id DESC).  On (id_no, kind) SQLite sorted every answer in a
-- temporary b-tree; with imported_at in the index (and the rowid, which
-- ends every entry, for id) it reads them in that order.  The new index
-- starts with the old one's columns, so it serves every query the old
-- one did.
CREATE INDEX pubrent_external_records_person_newest
  ON pubrent_external_records (id_no, kind, imported_at);
DROP INDEX pubrent_external_records_person;
