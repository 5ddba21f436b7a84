-- \pset and \x apply to psql's own listings too
\pset border 2
\dn
\d accounts
\t
\dn
\t
\x
\dn
\pset border 0
\dn
\x
\pset format unaligned
\dn
\d accounts
\x
\dn
\t
\dn
\x
\dn
\t
\pset format csv
\dn
\x
\dn
