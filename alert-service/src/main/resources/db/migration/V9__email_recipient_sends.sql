-- One row per address an email notification went to, for the budget of emails per recipient and
-- hour (lodestone.alert.limits.max-emails-per-recipient-per-hour); rows older than a day are deleted.
create table email_send (
    address text        not null,
    sent_at timestamptz not null
);
create index email_send_by_address on email_send (address, sent_at);
create index email_send_by_time on email_send (sent_at);
