-- Spring Session writes a session's last-access time back on every request: an UPDATE, and a WAL
-- flush, per page view, which cut a signed-in learner's lesson-page throughput to an eighth of an
-- anonymous one's. Sessions last two weeks, so an access is recorded at most once a minute: an
-- update that changes nothing but the access time of a session touched less than a minute ago is
-- skipped here (no row version, no WAL). Real changes (a new id, who is signed in, the timeout)
-- and attribute writes (their own table) are never skipped.
create function spring_session_skip_fresh_touch() returns trigger
language plpgsql as $$
begin
    if new.session_id = old.session_id
       and new.principal_name is not distinct from old.principal_name
       and new.max_inactive_interval = old.max_inactive_interval
       and new.last_access_time - old.last_access_time < 60000 then
        return null;
    end if;
    return new;
end
$$;

create trigger spring_session_touch_limit
    before update on spring_session
    for each row execute function spring_session_skip_fresh_touch();
