-- Move every identity sequence past the explicit ids used in data.sql, so a plain INSERT
-- without an id (a lesson's trigger test, say) gets the next free number.
SELECT setval(pg_get_serial_sequence('tenants', 'id'),  max(id)) FROM tenants;
SELECT setval(pg_get_serial_sequence('users', 'id'),    max(id)) FROM users;
SELECT setval(pg_get_serial_sequence('projects', 'id'), max(id)) FROM projects;
SELECT setval(pg_get_serial_sequence('tasks', 'id'),    max(id)) FROM tasks;

ANALYZE tenants, users, projects, tasks, audit_log;
