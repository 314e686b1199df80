-- A registration's process is found by its business key, the registration id; the instance id
-- kept beside it was never read.
alter table registration drop column process_instance_id;
