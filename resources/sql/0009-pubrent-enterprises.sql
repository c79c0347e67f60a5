-- 0009: operating enterprises of public rental housing (F-PRH-011).
--
-- An operating enterprise is an organisation of kind enterprise_operating
-- (its name and USCC live there, as organisations.name and .code) plus
-- the profile below, its one account and its state.  Purging keeps every
-- row: the state says 已清理, the users of the organisation are disabled
-- and lose their roles, and projects lose their operator link.

CREATE TABLE pubrent_enterprises (
  org_id               INTEGER PRIMARY KEY
                       REFERENCES organisations (id) ON DELETE CASCADE,
  -- NULL only for an organisation made through the organisations API,
  -- whose profile has not been filled yet; the enterprises API requires
  -- the first four.
  legal_representative TEXT,
  contact_name         TEXT,
  contact_phone        TEXT,
  address              TEXT,
  industry             TEXT,
  business_scope       TEXT,
  state                TEXT NOT NULL DEFAULT 'active'
                       CHECK (state IN ('active', 'purged')),
  -- The account made by POST …/account: one per enterprise.
  account_user_id      INTEGER UNIQUE REFERENCES users (id),
  purge_reason         TEXT,
  purged_at            INTEGER,
  purged_by            INTEGER REFERENCES users (id),
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL,
  CHECK ((state = 'purged') = (purged_at IS NOT NULL))
);

CREATE INDEX pubrent_enterprises_state ON pubrent_enterprises (state);

-- Every operating enterprise has its row, whichever API made the
-- organisation, so other modules may join on it.
INSERT INTO pubrent_enterprises (org_id, address, created_at, updated_at)
SELECT id, description, created_at, updated_at
  FROM organisations WHERE kind = 'enterprise_operating';

CREATE TRIGGER pubrent_enterprises_for_new_org
AFTER INSERT ON organisations
WHEN NEW.kind = 'enterprise_operating'
BEGIN
  INSERT INTO pubrent_enterprises (org_id, address, created_at, updated_at)
  VALUES (NEW.id, NEW.description, NEW.created_at, NEW.updated_at);
END;
