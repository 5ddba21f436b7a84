SELECT 1 AS n, E'first line\nsecond line' AS note, NULL::text AS nothing, 2.50 AS amount,
       '日本語' AS wide, E'tab\there' AS "two
lines", E'x\ny' AS last
UNION ALL
SELECT 22, 'single', 'x', -3, 'Chloé', E'a\nb\nc', 'z'
