-- \set, \unset, and :name, :'name', :"name" in SQL (not inside quotes, comments or casts)
\set
\set greeting 'it''s a quote'
\set col 'my column'
\set n 42
\set many a b 'c d'
\set empty
\set
select :n as n, :'greeting' as greeting, :'n'::int + 1 as "next", ':n' as literal, 1::text as "cast" -- :n
;
select :'many' as :"col", :"col" + 1 as plus from (select 1 as "my column") t;
-- :3 is not a variable here, so psql leaves it alone
select (array[10, 20, 30])[2:3] as slice;
\echo :nope :'nope' :"nope"
select $$:n$$ as dollar /* :n */, E'\\:n' as escaped;
\unset n
\echo :n
\set n 7
\echo :n :'n' :"col"
\set from_var :n 'x'
\echo :from_var
\set 1bad x
\set bad-name x
\unset
