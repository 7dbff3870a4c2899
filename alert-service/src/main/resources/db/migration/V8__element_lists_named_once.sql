-- A subscription or a silence names each element and group once (ElementChoice); before that rule
-- a list could repeat one symbol hundreds of thousands of times, and every risk change reads every
-- subscription. Lists stored with repeats keep their distinct entries: they watch or silence
-- exactly what they did.

update subscription
   set spec = jsonb_set(spec, '{elements}',
                        (select coalesce(jsonb_agg(distinct e), '[]'::jsonb) from jsonb_array_elements(spec -> 'elements') e))
 where jsonb_typeof(spec -> 'elements') = 'array'
   and jsonb_array_length(spec -> 'elements')
       > (select count(distinct e) from jsonb_array_elements(spec -> 'elements') e);

update subscription
   set spec = jsonb_set(spec, '{groups}',
                        (select coalesce(jsonb_agg(distinct g), '[]'::jsonb) from jsonb_array_elements(spec -> 'groups') g))
 where jsonb_typeof(spec -> 'groups') = 'array'
   and jsonb_array_length(spec -> 'groups')
       > (select count(distinct g) from jsonb_array_elements(spec -> 'groups') g);

update silence
   set elements = (select coalesce(jsonb_agg(distinct e), '[]'::jsonb) from jsonb_array_elements(elements) e)
 where jsonb_typeof(elements) = 'array'
   and jsonb_array_length(elements) > (select count(distinct e) from jsonb_array_elements(elements) e);

update silence
   set groups = (select coalesce(jsonb_agg(distinct g), '[]'::jsonb) from jsonb_array_elements(groups) g)
 where jsonb_typeof(groups) = 'array'
   and jsonb_array_length(groups) > (select count(distinct g) from jsonb_array_elements(groups) g);
