-- Bills of materials: a buyer's parts, each with a magnet (grade and grams per unit) or the element
-- content per unit. An upload is stored whole or not at all; a BOM is never edited, only replaced.
create table bom (
    id         uuid primary key,
    name       text        not null,
    format     text        not null check (format in ('CSV', 'JSON')),
    created_at timestamptz not null
);

create table bom_part (
    bom_id         uuid             not null references bom (id) on delete cascade,
    position       int              not null,
    line           int              not null,
    part_number    text             not null,
    description    text,
    annual_volume  bigint           not null check (annual_volume > 0),
    magnet_type    text,
    magnet_grade   text,
    magnet_mass_g  double precision,
    element_grams  jsonb,
    primary key (bom_id, position),
    unique (bom_id, part_number),
    check ((magnet_grade is null) <> (element_grams is null))
);

-- A live subscription linked to a BOM keeps it from being deleted; the id is also in the spec.
alter table subscription add column bom_id uuid references bom (id);
create index subscription_by_bom on subscription (bom_id) where bom_id is not null;
