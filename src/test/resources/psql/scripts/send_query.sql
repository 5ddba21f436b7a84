-- \g and \gx end the statement before them, alone they run the previous query again
select 1 as one, 'a' as letter \g
select 2 as two
\gx
\g
\gx
select 3 as three; \g
select 'x' as "my column", 2 as n \gx
