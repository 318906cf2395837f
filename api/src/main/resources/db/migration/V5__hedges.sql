-- Hedges booked by the hedging process (hedge.record) and their fixings as the physical leg prices
-- (hedge.fix-qp-roll). Each row carries the job that wrote it: a redelivered job writes nothing a
-- second time.
create table hedge (
    id                   uuid          primary key,
    deal_id              text          not null check (length(btrim(deal_id)) between 1 and 200),
    metal                varchar(2)    not null,
    exchange             text          not null,
    contract             text          not null,
    lots                 bigint        not null check (lots > 0),
    lot_size             numeric(19, 4) not null check (lot_size > 0),
    direction            text          not null check (direction in ('BUY', 'SELL')),
    status               text          not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    process_instance_key bigint        not null,
    created_by_job_key   bigint        not null unique,
    created_at           timestamptz   not null,
    closed_at            timestamptz
);

create index hedge_by_deal on hedge (deal_id, created_at);

-- The lots of a hedge fixed on a pricing date (the priced part of the leg since the previous fixing).
create table hedge_roll (
    id          bigint      generated always as identity primary key,
    hedge_id    uuid        not null references hedge (id) on delete cascade,
    fixing_date date        not null,
    lots_fixed  bigint      not null check (lots_fixed > 0),
    job_key     bigint      not null unique,
    recorded_at timestamptz not null
);

create index hedge_roll_by_hedge on hedge_roll (hedge_id, fixing_date);
