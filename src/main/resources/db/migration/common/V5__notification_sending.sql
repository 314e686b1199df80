-- A mail is recorded as SENDING, with its Message-ID, before it goes to the SMTP server, and as
-- SENT once the server took it. A retry that finds SENDING sends again with the same Message-ID,
-- which receiving mail systems use to drop the duplicate.
alter table notification add column status varchar(10) default 'SENT' not null;
