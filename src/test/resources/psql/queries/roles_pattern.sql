-- List of roles
-- pset: footer=off
-- psql 17's describeRoles() builds the Attributes cell itself from these flags
SELECT r.rolname AS "Role name",
  pg_catalog.concat_ws(E'\n',
    NULLIF(pg_catalog.concat_ws(', ',
      CASE WHEN r.rolsuper THEN 'Superuser' END,
      CASE WHEN NOT r.rolinherit THEN 'No inheritance' END,
      CASE WHEN r.rolcreaterole THEN 'Create role' END,
      CASE WHEN r.rolcreatedb THEN 'Create DB' END,
      CASE WHEN NOT r.rolcanlogin THEN 'Cannot login' END,
      CASE WHEN r.rolreplication THEN 'Replication' END,
      CASE WHEN r.rolbypassrls THEN 'Bypass RLS' END), ''),
    CASE WHEN r.rolconnlimit = 0 THEN 'No connections'
         WHEN r.rolconnlimit = 1 THEN '1 connection'
         WHEN r.rolconnlimit > 1 THEN r.rolconnlimit || ' connections' END,
    'Password valid until ' || r.rolvaliduntil) AS "Attributes"
FROM pg_catalog.pg_roles r
WHERE r.rolname OPERATOR(pg_catalog.~) '^(lea.*)$' COLLATE pg_catalog.default
ORDER BY 1;
