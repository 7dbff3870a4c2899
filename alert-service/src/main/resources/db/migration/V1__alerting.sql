-- Subscriptions are documents (what, when, where, how); deleting one keeps its history.
create table subscription (
    id         uuid primary key,
    spec       jsonb       not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    deleted_at timestamptz
);

-- The latest risk seen per element: older records (replays, reprocessing) are ignored.
create table element_risk (
    element     text primary key,
    score       double precision not null,
    level       text             not null,
    as_of       timestamptz      not null,
    received_at timestamptz      not null
);

-- One row per alert: it fires, may escalate, and resolves. At most one firing alert per
-- subscription and element, which is what makes reprocessing a risk record harmless.
create table alert (
    id               uuid primary key,
    subscription_id  uuid             not null references subscription (id),
    element          text             not null,
    state            text             not null check (state in ('FIRING', 'RESOLVED')),
    level            text             not null,
    score            double precision not null,
    previous_level   text,
    previous_score   double precision,
    from_level       text,
    peak_level       text             not null,
    evidence         jsonb            not null,
    fired_at         timestamptz      not null,
    resolved_at      timestamptz,
    transition_at    timestamptz      not null,
    silenced         boolean          not null default false,
    last_notified_at timestamptz
);
create unique index alert_one_firing on alert (subscription_id, element) where state = 'FIRING';
create index alert_by_element on alert (element, fired_at desc);
create index alert_by_subscription on alert (subscription_id, fired_at desc);

-- A group of alert changes of one subscription that go out together. OPEN while it collects
-- (group wait or digest), then SEALED with a snapshot of what it says, or EMPTY when nothing
-- was left to say (alerts resolved or silenced before it was due).
create table notification (
    id              uuid primary key,
    subscription_id uuid        not null references subscription (id),
    kind            text        not null check (kind in ('FIRING', 'REPEAT', 'RESOLVED')),
    status          text        not null check (status in ('OPEN', 'SEALED', 'EMPTY')),
    due_at          timestamptz not null,
    created_at      timestamptz not null,
    sealed_at       timestamptz,
    source_time     timestamptz,
    payload         jsonb
);
create unique index notification_one_open on notification (subscription_id, kind) where status = 'OPEN';
create index notification_due on notification (due_at) where status = 'OPEN';

create table notification_alert (
    notification_id uuid not null references notification (id),
    alert_id        uuid not null references alert (id),
    change          text not null,
    primary key (notification_id, alert_id)
);

-- The transactional outbox of notifications: one row per channel of a sealed notification.
create table delivery (
    id              uuid primary key,
    idempotency_key text        not null unique,
    notification_id uuid        not null references notification (id),
    subscription_id uuid        not null references subscription (id),
    channel         text        not null check (channel in ('EMAIL', 'SLACK', 'WEBHOOK')),
    kind            text        not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED', 'DEAD')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    source_time     timestamptz
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_by_status on delivery (status, created_at desc);

create table delivery_attempt (
    delivery_id uuid        not null references delivery (id),
    attempt     int         not null,
    started_at  timestamptz not null,
    duration_ms bigint      not null,
    outcome     text        not null,
    http_status int,
    detail      text,
    primary key (delivery_id, attempt)
);

create table silence (
    id              uuid primary key,
    elements        jsonb       not null,
    groups          jsonb       not null,
    subscription_id uuid references subscription (id),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    comment         text,
    created_by      text,
    created_at      timestamptz not null
);
create index silence_active on silence (ends_at);

-- Lifecycle events for alerts.v1, written with the state change and relayed after commit.
create table event_outbox (
    seq          bigserial primary key,
    id           uuid        not null unique,
    alert_id     uuid        not null,
    payload      jsonb       not null,
    event_time   timestamptz not null,
    created_at   timestamptz not null,
    published_at timestamptz
);
create index event_outbox_unpublished on event_outbox (seq) where published_at is null;
