-- Every clone starts with fresh statistics and a complete visibility map: index-only scans
-- need no heap fetches (EXPLAIN shows "Heap Fetches: 0") until a lesson changes rows, which is
-- what the VACUUM lesson then shows. FREEZE marks every page all-frozen too, so autovacuum
-- never has to freeze (rewrite) the same old rows again in each learner's copy.
VACUUM (FREEZE, ANALYZE) users, sessions, events
