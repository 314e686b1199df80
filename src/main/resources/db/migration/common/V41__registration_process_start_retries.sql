-- A queued start that fails waits longer after each failure instead of failing every drain:
-- how often it failed, when it is tried again, and why it failed last.
alter table registration_process_start add column attempts integer default 0 not null;
alter table registration_process_start add column next_attempt_at timestamp with time zone;
alter table registration_process_start add column last_error varchar(1000);
