-- The candidates of a planned run wait for their course's step across transactions, so a server
-- crash must not empty them (an unlogged table is emptied after a crash): logged again (see V28).
alter table auto_enrol_candidate set logged;
