-- 0015: what the service terminals show and collect (issue 5).
--
-- Articles gain the kinds publicity (公示信息) and policy (政策宣传) and a
-- display period (dates, Asia/Shanghai, both inclusive, NULL = open
-- ended) with a count of kiosk views; the honor roll (光荣榜) center
-- staff keep; identity captures (身份采集): face images and fingerprint
-- templates a kiosk took, SM4-CBC ciphertext only.

-- SQLite cannot change a CHECK constraint in place: articles is rebuilt
-- with its rows and ids.  Dropping it runs an implicit DELETE whose ON
-- DELETE CASCADE would empty its targets and attachments, so those are
-- kept aside and put back; deferring the foreign keys lets them point
-- nowhere until the re-INSERT settles them before the commit checks.
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE articles_before_0015 AS SELECT * FROM articles;
CREATE TEMP TABLE article_targets_before_0015 AS SELECT * FROM article_targets;
CREATE TEMP TABLE article_attachments_before_0015 AS SELECT * FROM article_attachments;
DROP TABLE articles;

CREATE TABLE articles (
  id                    INTEGER PRIMARY KEY,
  kind                  TEXT NOT NULL CHECK (kind IN ('news', 'notice', 'guide',
                                                      'publicity', 'policy')),
  title                 TEXT NOT NULL,
  summary               TEXT,
  body                  TEXT NOT NULL,
  category              TEXT,
  status                TEXT NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft', 'published', 'unpublished')),
  -- When it was last published; kept when unpublished.
  published_at          INTEGER,
  author_id             INTEGER NOT NULL REFERENCES users (id),
  org_id                INTEGER NOT NULL REFERENCES organisations (id),
  -- Guides only: JSON arrays of strings, and the processing time limit.
  guide_materials       TEXT,
  guide_time_limit_days INTEGER,
  guide_steps           TEXT,
  created_at            INTEGER NOT NULL,
  updated_at            INTEGER NOT NULL,
  -- "YYYY-MM-DD": the days a terminal shows it (NULL: no bound).
  display_from          TEXT,
  display_until         TEXT,
  -- Views on the terminals.
  view_count            INTEGER NOT NULL DEFAULT 0,
  CHECK (kind = 'guide' OR (guide_materials IS NULL AND guide_steps IS NULL
                            AND guide_time_limit_days IS NULL)),
  CHECK (status = 'draft' OR published_at IS NOT NULL),
  CHECK (display_from IS NULL OR display_until IS NULL OR display_until >= display_from)
);

INSERT INTO articles (id, kind, title, summary, body, category, status, published_at,
                      author_id, org_id, guide_materials, guide_time_limit_days, guide_steps,
                      created_at, updated_at)
SELECT id, kind, title, summary, body, category, status, published_at, author_id, org_id,
       guide_materials, guide_time_limit_days, guide_steps, created_at, updated_at
  FROM articles_before_0015 ORDER BY id;
INSERT INTO article_targets SELECT * FROM article_targets_before_0015;
INSERT INTO article_attachments SELECT * FROM article_attachments_before_0015;
DROP TABLE articles_before_0015;
DROP TABLE article_targets_before_0015;
DROP TABLE article_attachments_before_0015;

CREATE INDEX articles_listing ON articles (kind, status, published_at);
CREATE INDEX articles_org ON articles (org_id);

-- 光荣榜: top enterprises, suppliers and service staff, by rank within
-- their category.  A later issue's credit ranking will fill it.
CREATE TABLE honor_roll_entries (
  id            INTEGER PRIMARY KEY,
  category      TEXT NOT NULL CHECK (category IN ('enterprise', 'supplier', 'staff')),
  rank          INTEGER NOT NULL CHECK (rank >= 1),
  name          TEXT NOT NULL,
  subtitle      TEXT,        -- service field, product type or post
  community     TEXT,        -- staff: the estate served
  rating        TEXT,        -- "AAA", "4.9分"
  description   TEXT,
  photo_file_id INTEGER REFERENCES files (id),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);

CREATE INDEX honor_roll_entries_rank ON honor_roll_entries (category, rank);

-- 身份采集: the person's name and ID number are the application's
-- applicant's when captured; iv and ciphertext are SM4-CBC under the key
-- of [identity_capture] sm4_key_file; size is the plaintext's.
CREATE TABLE identity_captures (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('face', 'fingerprint')),
  application_id INTEGER NOT NULL REFERENCES pubrent_applications (id),
  terminal_id    INTEGER REFERENCES terminals (id),
  person_name    TEXT NOT NULL,
  id_no          TEXT NOT NULL,
  format         TEXT NOT NULL CHECK (format IN ('jpeg', 'fprint')),
  iv             BLOB NOT NULL,
  ciphertext     BLOB NOT NULL,
  size           INTEGER NOT NULL,
  captured_at    INTEGER NOT NULL
);

CREATE INDEX identity_captures_application ON identity_captures (application_id);
CREATE INDEX identity_captures_captured ON identity_captures (captured_at);
