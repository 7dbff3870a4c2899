-- A claimed delivery belongs to the instance that claimed it until claimed_until. It is sent
-- outside the claiming transaction; if that instance dies, the lease runs out and another one
-- sends it (with the same delivery id, which receivers de-duplicate on).
alter table delivery add column claimed_until timestamptz;

-- An alerts.v1 event that cannot be read is parked with the reason instead of blocking the relay.
alter table event_outbox add column failed_at timestamptz;
alter table event_outbox add column failure text;
drop index event_outbox_unpublished;
create index event_outbox_unpublished on event_outbox (seq) where published_at is null and failed_at is null;

-- Retention: old sent deliveries and published events are deleted by age.
create index delivery_sent on delivery (sent_at) where status = 'SENT';
create index event_outbox_published on event_outbox (published_at) where published_at is not null;

-- Webhook secrets and Slack URLs, encrypted (AES-GCM: 12-byte nonce then ciphertext and tag),
-- each with the id of the key that encrypted it. The spec document no longer holds them.
alter table subscription add column slack_url_key_id text;
alter table subscription add column slack_url_cipher bytea;
alter table subscription add column webhook_secret_key_id text;
alter table subscription add column webhook_secret_cipher bytea;
