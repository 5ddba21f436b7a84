-- Tracks and lessons as loaded from the content files, keyed by their stable ids.
-- Progress and discussion rows point at these ids; the content itself stays in the files.
create table content_track (
    id    text primary key,
    slug  text not null,
    title text not null
);

create table content_lesson (
    id              text primary key,
    track_id        text not null references content_track (id),
    position        integer not null,
    slug            text not null,
    title           text not null,
    -- null while the step is "coming soon"
    content_version text,
    -- a lesson that disappeared from the files keeps its row (and learners' history)
    retired         boolean not null default false
);
