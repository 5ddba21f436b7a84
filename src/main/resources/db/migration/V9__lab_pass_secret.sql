-- The key that signs lab passes (lab.LabPasses): made by the first app instance that needs it and
-- shared by every instance, so a pass issued by one is honoured by all.
create table lab_pass_secret (
    id int primary key check (id = 1),
    secret bytea not null check (length(secret) = 32)
);
