-- Nothing in the auto-enrol work tables outlives the transaction that wrote it, so they need no
-- WAL: unlogged, a crash empties them, which is what they would hold anyway.
alter table auto_enrol_candidate set unlogged;
alter table auto_enrol_decision set unlogged;
