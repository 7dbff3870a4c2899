-- A webhook secret replaced by a new one for the same URL keeps signing beside it for a while
-- (lodestone.alert.webhook-secret-overlap), encrypted like the current one; when it stops is in the spec.
alter table subscription add column webhook_previous_secret_key_id text;
alter table subscription add column webhook_previous_secret_cipher bytea;
