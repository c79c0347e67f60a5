-- 0021: a change counter for the server's cache of signed-in callers
-- (server/identity/anju-session-cache.h, issue 7).
--
-- Every authenticated request used to read its session, its user and
-- organisation, and the union of its roles' permissions: three queries
-- on the main connection.  The server now keeps the caller it built for
-- a token and, on the next request with that token, reads only this
-- one row: while the generation is the one the caller was built at,
-- nothing the caller was built from has changed.
--
-- The triggers raise it in the transaction of every change that can end
-- a session or change a caller: a session ended (sign-out, a password
-- change ending the others, the sweep of dead sessions), a user renamed,
-- moved, disabled or made to change the password, an organisation
-- renamed or moved, a role given to or taken from a user, a permission
-- given to or taken from a role.  Foreign-key cascades fire them too (a
-- deleted user's sessions and roles, a deleted role's permissions).
-- Whoever writes (the server, anju-server's subcommands, sqlite3), the
-- next request sees it; a rolled-back change takes its increment back
-- with it.  Not raised: new sessions and users (nobody holds their
-- token yet), the idle clock (sessions.last_used_at, moved once a second
-- per session: the server checks it against the time itself), sign-in
-- bookkeeping (last_login_at, locked_until) and password hashes.
CREATE TABLE identity_generation (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
INSERT INTO identity_generation (id, generation) VALUES (1, 0);

CREATE TRIGGER identity_session_delete AFTER DELETE ON sessions
BEGIN
  UPDATE identity_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER identity_session_update
  AFTER UPDATE OF id, user_id, token_hash, expires_at ON sessions
BEGIN
  UPDATE identity_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER identity_user_delete AFTER DELETE ON users
BEGIN
  UPDATE identity_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER identity_user_update
  AFTER UPDATE OF id, username, name, org_id, status, must_change_password ON users
BEGIN
  UPDATE identity_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER identity_organisation_delete AFTER DELETE ON organisations
BEGIN
  UPDATE identity_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER identity_organisation_update
  AFTER UPDATE OF id, path, kind, name ON organisations
BEGIN
  UPDATE identity_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER identity_user_role_insert AFTER INSERT ON user_roles
BEGIN
  UPDATE identity_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER identity_user_role_delete AFTER DELETE ON user_roles
BEGIN
  UPDATE identity_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER identity_user_role_update AFTER UPDATE ON user_roles
BEGIN
  UPDATE identity_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER identity_role_permission_insert AFTER INSERT ON role_permissions
BEGIN
  UPDATE identity_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER identity_role_permission_delete AFTER DELETE ON role_permissions
BEGIN
  UPDATE identity_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER identity_role_permission_update AFTER UPDATE ON role_permissions
BEGIN
  UPDATE identity_generation SET generation = generation + 1 WHERE id = 1;
END;
