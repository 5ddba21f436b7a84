-- Moderators named by an operator's command (`java -jar learn-netverks.jar moderator add EMAIL`), beside
-- the configured ones (NETVERKS_MODERATORS). An address may be granted before it has an account: the
-- rights apply once an account has it and has confirmed it. Addresses are kept in lower case, as
-- learner_account compares them.
create table moderator_grant (
    email      text primary key check (email = lower(email)),
    granted_at timestamptz not null default now()
);
