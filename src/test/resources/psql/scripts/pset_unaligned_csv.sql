-- \a and \pset format unaligned/csv, fieldsep, tuples only, normal and expanded
\pset null (null)
\a
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\pset fieldsep ;
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\t
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\x
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\t
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
select 1 where false;
\x
\pset format csv
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\t
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\x
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
\t
select 1 where false;
\x
select 1 where false;
\a
select 1 as id, null::text as note, E'two\nlines' as "long name", 2.5::numeric as amount union all select 22, 'q"uote,', 'z', 10;
