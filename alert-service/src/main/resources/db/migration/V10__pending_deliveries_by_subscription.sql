-- A subscription's pending deliveries are looked up on every claim (one at a time per subscription
-- and channel), by the repeat sweep (no repeat while a notice is still pending) and on deletion
-- (which cancels them).
create index delivery_pending_by_subscription on delivery (subscription_id, channel) where status = 'PENDING';
