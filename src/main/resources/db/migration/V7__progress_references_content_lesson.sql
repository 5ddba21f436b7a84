-- Progress, quiz answers, solved exercises, card reviews and schedules, and discussion threads
-- now reference content_lesson by foreign key: a row for a lesson id that no content ever had
-- cannot exist. ContentSync keeps every lesson it has seen (a lesson gone from the files is
-- retired, never deleted), so learners' rows for retired lessons stay valid.
--
-- Rows written before this migration may name a lesson the mirror never had (the progress merge
-- stored any well-formed id). Nothing is deleted: each such id becomes a retired lesson with no
-- known track or position, its slug and title the id itself. If that id comes back in the files,
-- ContentSync fills the row in and un-retires it.

alter table content_lesson alter column track_id drop not null;
alter table content_lesson alter column position drop not null;

insert into content_lesson (id, track_id, position, slug, title, content_version, retired)
select lesson_id, null, null, lesson_id, lesson_id, null, true
from (select lesson_id from lesson_progress
      union select lesson_id from quiz_answer
      union select lesson_id from exercise_solved
      union select lesson_id from card_review
      union select lesson_id from card_schedule
      union select lesson_id from discussion_thread) as referenced
where lesson_id not in (select id from content_lesson);

alter table lesson_progress add constraint lesson_progress_lesson_fk
    foreign key (lesson_id) references content_lesson (id);
alter table quiz_answer add constraint quiz_answer_lesson_fk
    foreign key (lesson_id) references content_lesson (id);
alter table exercise_solved add constraint exercise_solved_lesson_fk
    foreign key (lesson_id) references content_lesson (id);
alter table card_review add constraint card_review_lesson_fk
    foreign key (lesson_id) references content_lesson (id);
alter table card_schedule add constraint card_schedule_lesson_fk
    foreign key (lesson_id) references content_lesson (id);
alter table discussion_thread add constraint discussion_thread_lesson_fk
    foreign key (lesson_id) references content_lesson (id);
