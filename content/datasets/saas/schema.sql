-- saas: a small multi-tenant project tracker (think of a hosted to-do app for teams).
--
-- Every table carries tenant_id, and a task can only point at a project and an assignee of
-- its own tenant (composite foreign keys on (tenant_id, id)): the ground for row-level
-- security with current_setting('app.tenant_id'), triggers that keep updated_at and an
-- audit trail, and functions. The dataset has no policies and no triggers: lessons add them.
-- The learner owns these tables, and owners bypass RLS unless a lesson says
-- ALTER TABLE … FORCE ROW LEVEL SECURITY.

CREATE TABLE tenants (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),
    name        text        NOT NULL,
    plan        text        NOT NULL CHECK (plan IN ('free', 'team', 'business')),
    created_at  timestamptz NOT NULL
);

CREATE TABLE users (
    id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       integer     NOT NULL REFERENCES tenants (id),
    email           text        NOT NULL,
    full_name       text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    created_at      timestamptz NOT NULL,
    deactivated_at  timestamptz,                    -- NULL: still active
    UNIQUE (tenant_id, email),                      -- one address may belong to two tenants
    UNIQUE (tenant_id, id)                          -- the target of tasks' composite key
);

CREATE TABLE projects (
    id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    integer     NOT NULL REFERENCES tenants (id),
    name         text        NOT NULL,
    created_at   timestamptz NOT NULL,
    archived_at  timestamptz,                       -- NULL: active
    UNIQUE (tenant_id, name),
    UNIQUE (tenant_id, id)
);

CREATE TABLE tasks (
    id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    integer     NOT NULL,
    project_id   integer     NOT NULL,
    title        text        NOT NULL,
    status       text        NOT NULL DEFAULT 'todo'
                 CHECK (status IN ('todo', 'in_progress', 'review', 'done', 'cancelled')),
    priority     smallint    NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 4),  -- 1 = urgent
    due_on       date,                              -- NULL: no deadline
    assignee_id  integer,                           -- NULL: nobody yet
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, project_id)  REFERENCES projects (tenant_id, id),
    FOREIGN KEY (tenant_id, assignee_id) REFERENCES users (tenant_id, id),
    CHECK (updated_at >= created_at)
);

CREATE INDEX tasks_tenant_project ON tasks (tenant_id, project_id);

-- What changed, by whom: filled by the application until now (a lesson replaces it with a
-- trigger). old_row and new_row are the row as JSON before and after (NULL for INSERT / DELETE).
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   integer     NOT NULL REFERENCES tenants (id),
    actor_id    integer     REFERENCES users (id),  -- NULL: a system job
    table_name  text        NOT NULL,
    row_id      integer     NOT NULL,
    action      text        NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    changed_at  timestamptz NOT NULL,
    old_row     jsonb,
    new_row     jsonb
);
