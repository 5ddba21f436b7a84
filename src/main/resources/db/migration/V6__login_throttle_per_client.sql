-- Failed log-ins are counted per (address, client) and per client, so that a stranger's guesses lock
-- only the stranger out, and one client cannot spray guesses over many addresses. The old per-address
-- counts are dropped (they only ever lasted an hour).
drop table login_throttle;

create table login_throttle (
    email_key    text not null,
    client_key   text not null,
    failures     integer not null,
    locked_until timestamptz,
    last_failure timestamptz not null,
    primary key (email_key, client_key)
);
create index login_throttle_last_failure on login_throttle (last_failure);

-- Failures from one client across all addresses, in a window that starts at its first failure.
create table login_client_throttle (
    client_key     text primary key,
    window_started timestamptz not null,
    failures       integer not null
);
create index login_client_throttle_window on login_client_throttle (window_started);
