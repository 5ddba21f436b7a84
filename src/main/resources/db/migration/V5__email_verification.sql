-- E-mail addresses are confirmed by a one-time link. A sign-up creates no account: it waits in
-- email_verification (with the chosen name and password hash) until its link is used, so signing up
-- answers the same whether or not the address has an account. A signed-in learner whose address is
-- not confirmed can ask for a link to confirm it (account_id set, no password hash).

alter table learner_account add column email_verified_at timestamptz;

-- Accounts from before verification keep what they had (they count as confirmed), except moderators:
-- their rights came from signing up with a configured address, which proved nothing. They stay
-- unconfirmed, lose the rights (and their sessions, which carry them) until they confirm the address.
update learner_account set email_verified_at = created_at where not moderator;
delete from spring_session
where lower(principal_name) in (select lower(email) from learner_account where email_verified_at is null);
update learner_account set moderator = false where email_verified_at is null;

create table email_verification (
    token_hash    text primary key,
    email         text not null,
    -- null for a sign-up (its account is made when the link is used); else the account being confirmed
    account_id    uuid references learner_account (id) on delete cascade,
    display_name  text,
    -- a waiting sign-up's password hash (erased once used)
    password_hash text,
    continue_to   text,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    used_at       timestamptz
);
create index email_verification_account on email_verification (account_id);
create index email_verification_expires on email_verification (expires_at);

-- Every message sent about an address's sign-up or confirmation, to cap them per address (a stranger
-- cannot flood someone's inbox by signing up with their address).
create table signup_mail (
    email_key text not null,
    sent_at   timestamptz not null default now()
);
create index signup_mail_key on signup_mail (email_key, sent_at);
