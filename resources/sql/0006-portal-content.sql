-- 0006: the unified portal's content (issue 3): news, notices and business
-- guides ("articles"), feedback and the workbench's shortcuts.
--
-- An article belongs to the organisation its author was in when writing
-- it: writers (portal.content.write) see and act on the articles of their
-- data scope.  Readers see a published article when it has no targets or
-- one of its targets is their organisation or an ancestor of it.
CREATE TABLE articles (
  id                    INTEGER PRIMARY KEY,
  kind                  TEXT NOT NULL CHECK (kind IN ('news', 'notice', 'guide')),
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
  CHECK (kind = 'guide' OR (guide_materials IS NULL AND guide_steps IS NULL
                            AND guide_time_limit_days IS NULL)),
  CHECK (status = 'draft' OR published_at IS NOT NULL)
);

CREATE INDEX articles_listing ON articles (kind, status, published_at);
CREATE INDEX articles_org ON articles (org_id);

-- No rows: everyone.  Deleting a targeted organisation is refused (the
-- article would silently widen to everyone otherwise).
CREATE TABLE article_targets (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  org_id     INTEGER NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (article_id, org_id)
);

CREATE INDEX article_targets_org ON article_targets (org_id);

CREATE TABLE article_attachments (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  file_id    INTEGER NOT NULL REFERENCES files (id),
  position   INTEGER NOT NULL,
  PRIMARY KEY (article_id, file_id)
);

CREATE INDEX article_attachments_file ON article_attachments (file_id);

-- Feedback (意见反馈): open until someone holding portal.feedback.reply
-- answers it; org_id is the author's organisation when submitted, which
-- is what repliers' data scope is checked against.
CREATE TABLE feedback (
  id         INTEGER PRIMARY KEY,
  type       TEXT NOT NULL CHECK (type IN ('function', 'service', 'technical', 'other')),
  title      TEXT NOT NULL,
  content    TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'replied')),
  author_id  INTEGER NOT NULL REFERENCES users (id),
  org_id     INTEGER NOT NULL REFERENCES organisations (id),
  reply      TEXT,
  replied_by INTEGER REFERENCES users (id),
  replied_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((status = 'open') = (reply IS NULL AND replied_by IS NULL AND replied_at IS NULL))
);

CREATE INDEX feedback_author ON feedback (author_id);
CREATE INDEX feedback_status ON feedback (status, created_at);

-- The workbench's shortcuts (常用功能): desktop page names
-- (shared/anju-desktop-pages.c), in the user's order.
CREATE TABLE user_shortcuts (
  user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  page     TEXT NOT NULL,
  PRIMARY KEY (user_id, position),
  UNIQUE (user_id, page)
);
