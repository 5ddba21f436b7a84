-- Rows for the saas dataset. Deterministic: no random(); choices are arithmetic on ids.
-- "Now" in this dataset is 2026-01-31 18:00 UTC: nothing happens after it, so lessons can
-- speak of overdue tasks with a fixed date instead of now().
--
-- 12 tenants, 354 users, 40 projects, about 1,600 tasks and 2,800 audit_log rows.

INSERT INTO tenants (id, slug, name, plan, created_at) OVERRIDING SYSTEM VALUE VALUES
    ( 1, 'acme',      'Acme Corp',           'business', '2023-03-01 09:00:00+00'),
    ( 2, 'globex',    'Globex',              'team',     '2023-06-12 14:30:00+00'),
    ( 3, 'initech',   'Initech',             'team',     '2023-09-04 08:15:00+00'),
    ( 4, 'umbrella',  'Umbrella Health',     'business', '2024-01-22 10:00:00+00'),
    ( 5, 'hooli',     'Hooli',               'business', '2024-02-29 16:45:00+00'),
    ( 6, 'stark',     'Stark Industries',    'free',     '2024-05-05 11:11:00+00'),
    ( 7, 'wayne',     'Wayne Enterprises',   'team',     '2024-07-19 07:30:00+00'),
    ( 8, 'acme-gmbh', 'ACME GmbH',           'free',     '2024-10-01 12:00:00+00'),  -- not tenant 1
    ( 9, 'piedpiper', 'Pied Piper',          'free',     '2025-01-15 19:20:00+00'),
    (10, 'vandelay',  'Vandelay Industries', 'team',     '2025-04-01 09:00:00+00'),
    (11, 'soylent',   'Soylent',             'free',     '2025-09-09 09:09:00+00'),
    (12, 'tyrell',    'Tyrell',              'free',     '2026-01-28 15:00:00+00');  -- new: one user, no projects

-- Users: tenant t has the t-th count below, with contiguous ids; the first is the owner,
-- the next two admins, every ninth a viewer. Every 13th left (deactivated_at), and may
-- still be the assignee of open tasks.
INSERT INTO users (id, tenant_id, email, full_name, role, created_at, deactivated_at) OVERRIDING SYSTEM VALUE
WITH sized AS (
    SELECT t.id AS tenant_id, t.slug, t.created_at, c.n,
           sum(c.n) OVER (ORDER BY t.id) - c.n AS before
    FROM tenants AS t
    JOIN unnest(ARRAY[60, 35, 25, 80, 70, 8, 30, 5, 12, 20, 6, 1]) WITH ORDINALITY AS c(n, tenant_id)
      ON c.tenant_id = t.id
)
SELECT before + k,
       tenant_id,
       lower(first) || '.' || lower(last) || k || '@' || slug || '.example',
       first || ' ' || last,
       CASE WHEN k = 1 THEN 'owner' WHEN k <= 3 THEN 'admin' WHEN k % 9 = 0 THEN 'viewer' ELSE 'member' END,
       created_at + (k - 1) * interval '3 days 2 hours',
       CASE WHEN k % 13 = 0 THEN created_at + (k - 1) * interval '3 days 2 hours' + interval '200 days' END
FROM sized
CROSS JOIN LATERAL generate_series(1, n) AS k
CROSS JOIN LATERAL (SELECT (ARRAY['Ada', 'Bo', 'Chen', 'Dara', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jun',
                                  'Kemal', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq'])
                                 [1 + (before + k) * 7 % 20] AS first,
                           (ARRAY['Abbott', 'Banda', 'Costa', 'Dvorak', 'Eze', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen',
                                  'Kim', 'Lopez', 'Mensah', 'Novak', 'Okoro', 'Park', 'Quist', 'Rossi', 'Singh', 'Tanaka'])
                                 [1 + (before + k) * 11 % 20] AS last) AS names;

-- One freelancer works for two tenants with the same address (UNIQUE is per tenant).
INSERT INTO users (id, tenant_id, email, full_name, role, created_at, deactivated_at) OVERRIDING SYSTEM VALUE VALUES
    (353, 2, 'sam.lee@freelance.example', 'Sam Lee', 'member', '2025-03-03 10:00:00+00', NULL),
    (354, 7, 'sam.lee@freelance.example', 'Sam Lee', 'member', '2025-05-20 10:00:00+00', NULL);

-- Projects: tenant t has the t-th count below (tenant 12 none); the names repeat across
-- tenants. Acme's 'Hiring' and Globex's 'Mobile app' are archived.
INSERT INTO projects (id, tenant_id, name, created_at, archived_at) OVERRIDING SYSTEM VALUE
SELECT row_number() OVER (ORDER BY t.id, k),
       t.id,
       (ARRAY['Website', 'Mobile app', 'Billing', 'Onboarding', 'Data platform', 'Marketing', 'Security audit',
              'Hiring'])[k],
       greatest(t.created_at, timestamptz '2025-01-06 09:00:00+00') + (k - 1) * interval '11 days',
       CASE WHEN (t.id, k) IN ((1, 8), (2, 2)) THEN timestamptz '2025-12-19 17:00:00+00' END
FROM tenants AS t
JOIN unnest(ARRAY[8, 4, 3, 8, 7, 2, 3, 1, 2, 1, 1, 0]) WITH ORDINALITY AS c(n, tenant_id) ON c.tenant_id = t.id
CROSS JOIN LATERAL generate_series(1, c.n) AS k;

-- Tasks: 15 to 64 per project, in project order. Status, priority, deadline and assignee
-- come from h, a scramble of the task's number. About 15% have no assignee and 20% no
-- deadline; open tasks whose due_on is before 2026-01-31 are overdue. A nightly job
-- touched every 17th task at exactly 2026-01-15 03:00 (ties on updated_at); tasks still
-- 'todo' with h % 3 = 0 were never updated (updated_at = created_at).
INSERT INTO tasks (id, tenant_id, project_id, title, status, priority, due_on, assignee_id, created_at, updated_at)
OVERRIDING SYSTEM VALUE
WITH numbered AS (
    SELECT p.id AS project_id, p.tenant_id, p.created_at AS project_created,
           row_number() OVER (ORDER BY p.id, k) AS id
    FROM projects AS p
    CROSS JOIN LATERAL generate_series(1, 15 + (p.id * 37) % 50) AS k
), members AS (
    SELECT tenant_id, min(id) AS first_id, count(*) FILTER (WHERE id <= 352) AS n
    FROM users GROUP BY tenant_id
), drawn AS (
    SELECT numbered.*, m.first_id, m.n,
           (id * id % 10007 * 7919 + id * 104729) % 10007 AS h,
           (id * id % 10007 * 3571 + id * 6911) % 10007 AS h2
    FROM numbered JOIN members AS m USING (tenant_id)
), timed AS (
    SELECT drawn.*,
           least(greatest(project_created, timestamptz '2025-02-01 08:00:00+00') + (h % 350) * interval '1 day'
                     + (h2 % 10) * interval '1 hour',
                 timestamptz '2026-01-30 17:00:00+00') AS created_at,
           CASE WHEN h % 100 < 40 THEN 'done' WHEN h % 100 < 65 THEN 'todo' WHEN h % 100 < 80 THEN 'in_progress'
                WHEN h % 100 < 92 THEN 'review' ELSE 'cancelled' END AS status
    FROM drawn
)
SELECT id, tenant_id, project_id,
       (ARRAY['Fix', 'Write', 'Review', 'Update', 'Design', 'Test', 'Migrate', 'Document'])[1 + h % 8] || ' '
           || (ARRAY['login page', 'invoice export', 'search', 'onboarding email', 'API limits', 'backup job',
                     'dashboard', 'password reset', 'pricing table', 'audit report', 'CSV import'])[1 + h2 % 11],
       status,
       CASE WHEN h2 % 10 = 0 THEN 1 WHEN h2 % 10 < 4 THEN 2 WHEN h2 % 10 < 8 THEN 3 ELSE 4 END,
       CASE WHEN h % 5 <> 0 THEN (created_at + (3 + h2 % 58) * interval '1 day')::date END,
       CASE WHEN h2 % 7 <> 0 THEN first_id + h % n END,
       created_at,
       CASE WHEN id % 17 = 0 AND created_at <= timestamptz '2026-01-15 03:00:00+00' THEN timestamptz '2026-01-15 03:00:00+00'
            WHEN status = 'todo' AND h % 3 = 0 THEN created_at
            ELSE least(created_at + (1 + h2 % 20) * interval '1 day' + (h % 7) * interval '1 hour',
                       timestamptz '2026-01-31 18:00:00+00')
       END
FROM timed
ORDER BY id;

-- The audit trail the application wrote: an INSERT for every task (by its assignee, or
-- the tenant's owner), an UPDATE for every task changed after creation (old and new
-- status; actor NULL for the nightly job), and the DELETEs of 6 tasks that no longer exist
-- (their row_id matches no task). Ids follow changed_at.
INSERT INTO audit_log (tenant_id, actor_id, table_name, row_id, action, changed_at, old_row, new_row)
SELECT tenant_id, actor_id, 'tasks', row_id, action, changed_at, old_row, new_row
FROM (
    SELECT t.tenant_id, coalesce(t.assignee_id, o.id) AS actor_id, t.id AS row_id, 'INSERT' AS action,
           t.created_at AS changed_at, NULL::jsonb AS old_row,
           jsonb_build_object('title', t.title, 'status', 'todo', 'priority', t.priority) AS new_row
    FROM tasks AS t JOIN users AS o ON o.tenant_id = t.tenant_id AND o.role = 'owner'
    UNION ALL
    SELECT t.tenant_id,
           CASE WHEN t.updated_at <> timestamptz '2026-01-15 03:00:00+00' THEN coalesce(t.assignee_id, o.id) END,
           t.id, 'UPDATE', t.updated_at,
           jsonb_build_object('status', 'todo'), jsonb_build_object('status', t.status)
    FROM tasks AS t JOIN users AS o ON o.tenant_id = t.tenant_id AND o.role = 'owner'
    WHERE t.updated_at > t.created_at
    UNION ALL
    SELECT 1, 2, 5000 + g, 'DELETE', timestamptz '2025-11-20 10:00:00+00' + g * interval '1 day',
           jsonb_build_object('title', 'Duplicate of another task', 'status', 'todo', 'priority', 4), NULL
    FROM generate_series(1, 6) AS g
) AS entries
ORDER BY changed_at, row_id, action;
