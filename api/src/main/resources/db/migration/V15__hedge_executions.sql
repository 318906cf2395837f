-- The fill the broker confirmed for a hedge: what the trade report (EMIR-style, docs/reporting.md)
-- needs besides the booking. One execution per hedge; recording the same fill again changes nothing.
create table hedge_execution (
    hedge_id     uuid           primary key references hedge (id),
    price        numeric(19, 6) not null check (price > 0),
    currency     varchar(3)     not null check (currency ~ '^[A-Z]{3}$'),
    executed_at  timestamptz    not null,
    broker_lei   char(20)       not null check (broker_lei ~ '^[A-Z0-9]{18}[0-9]{2}$'),
    recorded_by  text           not null,
    recorded_at  timestamptz    not null
);
