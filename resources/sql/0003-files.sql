-- 0003: stored files (attachments of news, notices, guides and workflow
-- actions; application materials later).  The bytes live in SQLite so a
-- backup (anju-server backup) holds them too; identical uploads share one
-- blob, found by SHA-256.  An archived file is immutable: the triggers
-- refuse to change or delete it or its blob.
CREATE TABLE file_blobs (
  sha256 TEXT PRIMARY KEY,          -- lower-case hex
  data   BLOB NOT NULL
);

CREATE TABLE files (
  id           INTEGER PRIMARY KEY,
  sha256       TEXT NOT NULL REFERENCES file_blobs (sha256),
  name         TEXT NOT NULL,       -- as uploaded, without directories
  content_type TEXT NOT NULL,       -- checked against the bytes, not trusted
  size         INTEGER NOT NULL,
  uploaded_by  INTEGER NOT NULL REFERENCES users (id),
  uploaded_at  INTEGER NOT NULL,
  archived_at  INTEGER
);

CREATE INDEX files_sha256 ON files (sha256);
CREATE INDEX files_uploaded_by ON files (uploaded_by);

CREATE TRIGGER files_archived_immutable
BEFORE UPDATE ON files
WHEN OLD.archived_at IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'archived files cannot be changed');
END;

CREATE TRIGGER files_archived_kept
BEFORE DELETE ON files
WHEN OLD.archived_at IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'archived files cannot be deleted');
END;

CREATE TRIGGER file_blobs_immutable
BEFORE UPDATE ON file_blobs
BEGIN
  SELECT RAISE (ABORT, 'stored file contents cannot be changed');
END;
