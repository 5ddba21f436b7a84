-- Learner accounts, what they have done (keyed by content ids, as the browser keeps it), their
-- cards' review history and schedule, and Spring Session's tables (sessions live in PostgreSQL so
-- that a restart logs nobody out and every app instance shares them).

create table learner_account (
    id                  uuid primary key,
    email               text not null,
    display_name        text not null,
    password_hash       text not null,
    moderator           boolean not null default false,
    blocked             boolean not null default false,
    created_at          timestamptz not null default now(),
    password_changed_at timestamptz not null default now()
);
create unique index learner_account_email on learner_account (lower(email));

-- Failed log-ins per e-mail address, whether or not an account has it (so the lock does not tell
-- which addresses have accounts).
create table login_throttle (
    email_key    text primary key,
    failures     integer not null,
    locked_until timestamptz,
    last_failure timestamptz not null
);

create table password_reset (
    token_hash  text primary key,
    account_id  uuid not null references learner_account (id) on delete cascade,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index password_reset_account on password_reset (account_id);

create table lesson_progress (
    account_id          uuid not null references learner_account (id) on delete cascade,
    lesson_id           text not null,
    opened_at           timestamptz,
    completed_at        timestamptz,
    -- when the lesson was last marked complete or not complete: the newer mark wins a merge
    completion_changed_at timestamptz,
    confidence          smallint check (confidence between 1 and 5),
    confidence_saved_at timestamptz,
    primary key (account_id, lesson_id)
);

create table quiz_answer (
    account_id  uuid not null references learner_account (id) on delete cascade,
    lesson_id   text not null,
    question_id text not null,
    choice      text not null,
    correct     boolean not null,
    answered_at timestamptz not null,
    primary key (account_id, lesson_id, question_id)
);

create table exercise_solved (
    account_id  uuid not null references learner_account (id) on delete cascade,
    lesson_id   text not null,
    exercise_id text not null,
    solved_at   timestamptz not null,
    primary key (account_id, lesson_id, exercise_id)
);

-- Every rating of a card, once: merging the same browser history twice adds nothing.
create table card_review (
    account_id uuid not null references learner_account (id) on delete cascade,
    lesson_id  text not null,
    card_id    text not null,
    rated_at   timestamptz not null,
    rating     text not null check (rating in ('again', 'hard', 'good', 'easy')),
    primary key (account_id, lesson_id, card_id, rated_at)
);

-- The schedule the reviews lead to (replayed from card_review whenever it changes).
create table card_schedule (
    account_id    uuid not null references learner_account (id) on delete cascade,
    lesson_id     text not null,
    card_id       text not null,
    repetitions   integer not null,
    ease          numeric(4,2) not null,
    interval_days integer not null,
    due_on        date not null,
    last_rated_at timestamptz not null,
    flipped_at    timestamptz,
    primary key (account_id, lesson_id, card_id)
);
create index card_schedule_due on card_schedule (account_id, due_on);

-- Spring Session JDBC (its schema-postgresql.sql)
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
