-- \pset's messages, its listing and its errors
\pset
\pset null '(nil)'
\pset null
\pset border 5
\pset border
\pset border x
\pset format
\pset format u
\pset format CSV
\pset format a
\pset format nope
\pset tuples_only
\pset tuples_only off
\pset t maybe
\t on
\t
\t off
\pset fieldsep '\t'
\pset fieldsep
\pset nope
\pset x
\pset expanded off
\pset
\pset format aligned
\pset footer
\pset footer on
\pset footer
select 1 as one;
\x
select 1 where false;
\a
select 1 as one;
\pset footer maybe
\pset
