-- One row whose lock orders membership changes: a profile change takes it shared (PostgreSQL) and a
-- segment's creation, rule change or deletion takes it alone, so each sees the other's committed
-- result instead of both writing the same membership from stale reads.
create table segment_membership_lock (
    id integer primary key
);

insert into segment_membership_lock (id) values (1);
