-- Every risk change acted on, per element, for the console's score history and 7-day trend.
-- element_risk keeps only the latest; a re-read record (same element and asOf) is kept once.
create table element_risk_history (
    element     text             not null,
    as_of       timestamptz      not null,
    score       double precision not null,
    level       text             not null,
    received_at timestamptz      not null,
    record      jsonb            not null,
    primary key (element, as_of)
);
