-- An enrolment's mails are looked up by the enrolment: whether a bulk enrolment already queued
-- one for it, and the cascade when an enrolment is deleted. Without an index each look-up reads
-- the whole mail table.
create index enrolment_mail_enrolment_idx on enrolment_mail (enrolment_id);
