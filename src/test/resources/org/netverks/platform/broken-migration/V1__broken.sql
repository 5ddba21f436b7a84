create table first_step (id int);
this is not sql;
