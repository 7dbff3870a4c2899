-- An operator may cancel a delivery (it is then never sent) or resend a dead or failed one.
alter table delivery drop constraint delivery_status_check;
alter table delivery add constraint delivery_status_check
    check (status in ('PENDING', 'SENT', 'FAILED', 'DEAD', 'CANCELLED'));

-- What operators did to a delivery, beside its attempts: its history.
create table delivery_action (
    delivery_id uuid        not null references delivery (id),
    seq         bigserial   primary key,
    action      text        not null check (action in ('RESEND', 'CANCEL')),
    acted_at    timestamptz not null,
    from_status text        not null,
    reason      text
);
create index delivery_action_by_delivery on delivery_action (delivery_id, seq);
