-- A booking now starts its registration process in its own transaction, so no start is ever
-- queued. Stop the previous version only once this table is empty (its drain runs every second).
drop table registration_process_start;
