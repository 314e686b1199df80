-- A mail to a group (an approval request to every approver) records all its recipients, comma
-- separated: beyond 320 characters once the group has about ten members, and the mail then failed.
alter table notification alter column recipient set data type varchar(1000000);
