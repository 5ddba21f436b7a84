-- Ready sandboxes come in two pools: the learners' warm pool, which first runs take, and the check
-- pool, pristine copies reserved for grading data-changing exercises, so that checks never drain
-- the copies new learners are waiting for. A claimed sandbox keeps the pool it came from; only
-- unclaimed ones (owner_key is null) are looked up by it.
alter table lab_sandbox
    add column pool text not null default 'learners' check (pool in ('learners', 'checks'));

drop index lab_sandbox_ready;
create index lab_sandbox_ready on lab_sandbox (pool, template, created_at) where owner_key is null;
