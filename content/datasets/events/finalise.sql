-- Foreign keys after the rows (see schema.sql): each is checked by one query.
ALTER TABLE users    ADD FOREIGN KEY (referred_by) REFERENCES users (id);
ALTER TABLE sessions ADD FOREIGN KEY (user_id)     REFERENCES users (id);
ALTER TABLE events   ADD FOREIGN KEY (user_id)     REFERENCES users (id);
ALTER TABLE events   ADD FOREIGN KEY (session_id)  REFERENCES sessions (id);

-- Every clone starts with fresh statistics and a complete visibility map: index-only scans
-- need no heap fetches (EXPLAIN shows "Heap Fetches: 0") until a lesson changes rows, which is
-- what the VACUUM lesson then shows. FREEZE marks every page all-frozen too, so autovacuum
-- never has to freeze (rewrite) the same old rows again in each learner's copy.
VACUUM (FREEZE, ANALYZE) users, sessions, events;
