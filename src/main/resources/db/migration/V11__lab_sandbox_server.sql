-- What operators decided about each sandbox server, shared by every app instance: a draining server
-- gets no new sandboxes, pool copies or check copies, while the learners who have one there keep it.
-- A server without a row is in service. server_id is the id the lab gives a configured server
-- (host:port, as in lab_sandbox.server_id).
create table lab_sandbox_server (
    server_id  text primary key,
    draining   boolean not null default false,
    changed_at timestamptz not null default now()
);
