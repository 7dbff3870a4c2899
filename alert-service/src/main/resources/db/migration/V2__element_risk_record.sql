-- The latest risk change per element in full, so that a subscription created or changed later is
-- evaluated against the current risk instead of waiting for the next change.
alter table element_risk add column record jsonb;
