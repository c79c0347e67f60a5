-- 0002: permissions added with the workflow engine and the unified portal
-- (issue 3).  center_admin holds the whole catalogue; center_staff writes
-- the portal's content, answers feedback and sends messages.  Keep in step
-- with docs/permissions.md and shared/anju-permissions.c.
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission
  FROM roles r
  JOIN (SELECT 'center_admin' AS code, 'portal.content.write' AS permission
        UNION ALL SELECT 'center_admin', 'portal.feedback.reply'
        UNION ALL SELECT 'center_admin', 'support.message.manage'
        UNION ALL SELECT 'center_staff', 'portal.content.write'
        UNION ALL SELECT 'center_staff', 'portal.feedback.reply'
        UNION ALL SELECT 'center_staff', 'support.message.send') p
    ON p.code = r.code;
