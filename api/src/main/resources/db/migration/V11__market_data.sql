-- Market data: the price series the domain reads, their prices, and a record of every import.
-- Prices are only ever added: an import never overwrites a stored price (a different value for a
-- stored date is rejected and recorded), so rows_updated stays 0 and is kept for the record's shape.
create table market_price_series (
    code        text primary key,             -- Cu/WORLD_BANK_PINK_SHEET/USD_PER_T
    metal       text not null,
    market      text not null,
    unit        text not null,
    frequency   text not null check (frequency in ('DAILY', 'MONTHLY')),
    publisher   text not null,
    description text not null,
    licence     text not null,
    attribution text not null
);

create table market_data_import (
    id              uuid        primary key,
    source          text        not null,    -- file name or URL
    source_kind     text        not null check (source_kind in ('FILE', 'URL', 'SCHEDULED')),
    format          text,                    -- WORLD_BANK_WORKBOOK, WORLD_BANK_CSV, SERIES_CSV, SERIES_JSON
    content_sha256  text,
    status          text        not null check (status in ('RUNNING', 'COMPLETED', 'NO_CHANGE', 'FAILED')),
    started_at      timestamptz not null,
    finished_at     timestamptz,
    started_by      text        not null,
    rows_read       integer     not null default 0,
    rows_inserted   integer     not null default 0,
    rows_updated    integer     not null default 0,
    rows_unchanged  integer     not null default 0,
    rows_rejected   integer     not null default 0,
    rows_flagged    integer     not null default 0,
    same_content_as uuid,                    -- an earlier import of identical bytes
    message         text,                    -- why a FAILED import failed; a summary otherwise
    details         jsonb                    -- per series: counts, rejections and flags with line and reason
);

create index market_data_import_started on market_data_import (started_at desc);
create index market_data_import_sha on market_data_import (content_sha256);

create table market_price (
    series_code text          not null references market_price_series (code),
    price_date  date          not null,
    value       numeric(24, 8) not null check (value >= 0),
    import_id   uuid          not null references market_data_import (id),
    primary key (series_code, price_date)
);
