-- The lab workspace of a signed-in learner, kept across devices: each exercise's own draft (and
-- the free lab's, slot 'free') and the newest attempts per exercise. Lesson ids reference
-- content_lesson, as every other per-lesson row does since V7, so a row can only name a lesson
-- the platform has served; an account's rows go with it.

create table workspace_draft (
    account_id uuid not null references learner_account (id) on delete cascade,
    lesson_id  text not null references content_lesson (id),
    -- 'free' for the lesson's free lab, else an exercise id of the lesson
    slot       text not null,
    sql        text not null,
    -- when the learner last edited it, as their browser says (never later than when it arrived):
    -- the newest edit wins across devices
    saved_at   timestamptz not null,
    primary key (account_id, lesson_id, slot)
);

-- ExerciseAttempts keeps the newest 20 per (account, lesson, exercise); id orders attempts made
-- within the same microsecond.
create table exercise_attempt (
    id           bigint generated always as identity primary key,
    account_id   uuid not null references learner_account (id) on delete cascade,
    lesson_id    text not null references content_lesson (id),
    exercise_id  text not null,
    attempted_at timestamptz not null,
    sql          text not null,
    correct      boolean not null,
    -- "Solved", or the first thing the grader said about a wrong answer
    summary      text not null
);
create index exercise_attempt_newest
    on exercise_attempt (account_id, lesson_id, exercise_id, attempted_at desc, id desc);
