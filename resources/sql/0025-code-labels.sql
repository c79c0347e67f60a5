-- 0025: a code's name in one lookup (issue 7, lists).
--
-- Every row of the application list and its search names its status and
-- business type (LEFT JOIN pubrent_codes, anju-application-list.h): two
-- lookups of the primary key's index and two of the table behind it, a
-- hundred and more per page of fifty.  Without a rowid the table is its
-- primary key's B-tree, and each name is found by one lookup.  No table
-- refers to pubrent_codes, and nothing reads its rowid.
CREATE TABLE pubrent_codes_by_key (
  code_set  TEXT NOT NULL,
  code      TEXT NOT NULL,
  name      TEXT NOT NULL,
  seed_code TEXT,
  position  INTEGER NOT NULL,
  PRIMARY KEY (code_set, code)
) WITHOUT ROWID;
INSERT INTO pubrent_codes_by_key (code_set, code, name, seed_code, position)
  SELECT code_set, code, name, seed_code, position FROM pubrent_codes;
DROP TABLE pubrent_codes;
ALTER TABLE pubrent_codes_by_key RENAME TO pubrent_codes;
