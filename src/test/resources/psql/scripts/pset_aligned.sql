-- \pset null, border 0/1/2 and tuples only, normal and expanded, on a NULL and a multi-line value
\pset null (null)
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\pset border 0
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\pset border 2
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\t
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\t
\x
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\pset border 0
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\pset border 1
\t
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\pset border 2
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\pset border 0
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\t off
select 1 where false;
\x off
select 1 where false;
\pset border 2
select 1 where false;
\pset border 1
\pset format wrapped
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
