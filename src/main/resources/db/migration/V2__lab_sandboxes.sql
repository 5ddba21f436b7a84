-- Learners' lab sandboxes, and the warm pool of ready ones (owner_key is null until claimed).
-- The database and role live on the sandbox server named by server_id.
create table lab_sandbox (
    id            uuid primary key,
    server_id     text not null,
    dataset       text not null,
    template      text not null,
    database_name text not null unique,
    role_name     text not null unique,
    role_password text not null,
    owner_key     text,
    created_at    timestamptz not null default now(),
    claimed_at    timestamptz,
    last_used_at  timestamptz not null default now()
);

create unique index lab_sandbox_owner on lab_sandbox (owner_key, dataset) where owner_key is not null;
create index lab_sandbox_ready on lab_sandbox (template, created_at) where owner_key is null;
