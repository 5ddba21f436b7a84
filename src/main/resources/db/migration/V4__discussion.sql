-- Per-lesson discussion. A thread belongs to a lesson by its stable content id; its opening post,
-- comments (parent_id null) and replies (parent_id = a comment: one level) are rows of
-- discussion_post. Nothing is deleted for real: a deleted post keeps its place (as "[deleted]")
-- while it has replies, a hidden one shows as hidden. Rate limits count rows of the last hour, so
-- every app instance agrees.

create table discussion_thread (
    id               bigint generated always as identity primary key,
    lesson_id        text not null,
    title            text not null check (char_length(title) between 1 and 150),
    -- the learner's account; null once the account is deleted (the posts stay, without a name)
    author_id        uuid references learner_account (id) on delete set null,
    starter_topic    boolean not null default false,
    created_at       timestamptz not null default now(),
    last_activity_at timestamptz not null default now()
);
create index discussion_thread_lesson on discussion_thread (lesson_id, last_activity_at desc, id desc);

create table discussion_post (
    id         bigint generated always as identity primary key,
    thread_id  bigint not null references discussion_thread (id) on delete cascade,
    opening    boolean not null default false,
    parent_id  bigint references discussion_post (id) on delete cascade,
    author_id  uuid references learner_account (id) on delete set null,
    body       text not null check (char_length(body) <= 10000),
    created_at timestamptz not null default now(),
    edited_at  timestamptz,
    deleted_at timestamptz,
    hidden_at  timestamptz,
    hidden_by  uuid references learner_account (id) on delete set null,
    check (not (opening and parent_id is not null))
);
create index discussion_post_thread on discussion_post (thread_id, id);
create index discussion_post_parent on discussion_post (parent_id) where parent_id is not null;
create index discussion_post_author_recent on discussion_post (author_id, created_at desc);
create unique index discussion_post_one_opening on discussion_post (thread_id) where opening;

create table discussion_report (
    post_id     bigint not null references discussion_post (id) on delete cascade,
    reporter_id uuid not null references learner_account (id) on delete cascade,
    reason      text not null default '' check (char_length(reason) <= 500),
    created_at  timestamptz not null default now(),
    resolved_at timestamptz,
    primary key (post_id, reporter_id)
);
create index discussion_report_open on discussion_report (created_at) where resolved_at is null;
