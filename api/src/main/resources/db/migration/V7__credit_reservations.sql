-- Credit reserved for deals being captured, counted against the counterparty's credit limit until
-- released. Written only under the counterparty's credit lock (platform/redis CounterpartyLocks),
-- so the check against the limit and the insert are one step for every application instance.
-- deal_ref is the idempotency key: a repeated request for the same deal finds its reservation.
create table credit_reservation (
    id              uuid           primary key,
    counterparty_id uuid           not null references counterparty (id),
    deal_ref        text           not null check (length(btrim(deal_ref)) between 1 and 255),
    amount          numeric(19, 2) not null check (amount > 0),
    currency        varchar(3)     not null check (currency ~ '^[A-Z]{3}$'),
    status          text           not null check (status in ('ACTIVE', 'RELEASED')),
    created_at      timestamptz    not null,
    created_by      text           not null,
    released_at     timestamptz,
    released_by     text,
    unique (counterparty_id, deal_ref),
    check ((status = 'RELEASED') = (released_at is not null))
);

create index credit_reservation_active on credit_reservation (counterparty_id) where status = 'ACTIVE';
