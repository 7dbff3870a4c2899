-- A subscription or a silence names each element and group once (ElementChoice); before that rule
-- a list could repeat one symbol hundreds of thousands of times, and every risk change reads every
-- subscription. Lists stored with repeats keep their distinct entries: they watch or silence
-- exactly what they did.

-- The distinct entries of a JSON array (for this migration only: pg_temp ends with its session).
create function pg_temp.distinct_entries(list jsonb) returns jsonb language sql immutable as $$
    select coalesce(jsonb_agg(distinct entry), '[]'::jsonb) from jsonb_array_elements(list) entry
$$;

update subscription
   set spec = jsonb_set(spec, '{elements}', pg_temp.distinct_entries(spec -> 'elements'))
 where jsonb_typeof(spec -> 'elements') = 'array'
   and jsonb_array_length(spec -> 'elements') > jsonb_array_length(pg_temp.distinct_entries(spec -> 'elements'));

update subscription
   set spec = jsonb_set(spec, '{groups}', pg_temp.distinct_entries(spec -> 'groups'))
 where jsonb_typeof(spec -> 'groups') = 'array'
   and jsonb_array_length(spec -> 'groups') > jsonb_array_length(pg_temp.distinct_entries(spec -> 'groups'));

update silence
   set elements = pg_temp.distinct_entries(elements), groups = pg_temp.distinct_entries(groups)
 where jsonb_array_length(elements) > jsonb_array_length(pg_temp.distinct_entries(elements))
    or jsonb_array_length(groups) > jsonb_array_length(pg_temp.distinct_entries(groups));
