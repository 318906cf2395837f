-- Deals: the terms a trader captured, where the trade lifecycle has got to, and who did what.
-- Terms the process passes on unchanged (assays, pricing, contract terms) are kept as JSON in the
-- shapes docs/deals.md documents; figures the database checks or sums are columns.
create table deal (
    id                    uuid           primary key,
    counterparty_id       uuid           not null references counterparty (id),
    direction             text           not null check (direction in ('BUY', 'SELL')),
    commodity             text           not null check (length(btrim(commodity)) between 1 and 200),
    metal                 text           not null,
    quantity              numeric(19, 3) not null check (quantity > 0),
    quantity_unit         text           not null check (quantity_unit in ('WMT', 'DMT')),
    moisture_pct          numeric(7, 4)  not null check (moisture_pct >= 0 and moisture_pct < 100),
    assays                jsonb          not null,
    pricing               jsonb          not null,
    terms                 jsonb          not null,
    provisional_pct       numeric(7, 4)  not null check (provisional_pct > 0 and provisional_pct <= 100),
    value_amount          numeric(19, 2) not null check (value_amount > 0),
    value_currency        varchar(3)     not null check (value_currency ~ '^[A-Z]{3}$'),
    -- ISO duration from the start of execution to the logistics escalation
    logistics_deadline    text           not null default 'P60D',
    desk                  text,
    -- CAPTURED, APPROVED, IN_EXECUTION, SETTLING, CLOSED, REJECTED, CANCELLED (docs/deals.md)
    status                text           not null,
    -- the step of the trade lifecycle the process last recorded
    stage                 text           not null,
    captured_by           text           not null,
    captured_at           timestamptz    not null,
    -- everybody who ever amended the deal: none of them may approve it (four eyes)
    amended_by            text[]         not null default '{}',
    amended_at            timestamptz,
    cancelled_by          text,
    cancelled_at          timestamptz,
    cancel_reason         text,
    credit_reservation_id uuid,
    credit_deal_ref       text,
    process_instance_key  bigint,
    idempotency_key       text           unique,
    request_sha256        varchar(64),
    report                jsonb,
    closed_at             timestamptz,
    updated_at            timestamptz    not null,
    version               bigint         not null default 0
);

create index deal_by_status on deal (status);
create index deal_by_counterparty on deal (counterparty_id);
create index deal_by_desk on deal (desk);
create index deal_by_instance on deal (process_instance_key);

-- What people and the process did to a deal, in order, with who did it: capture, amendments,
-- cancellation, business events, four-eyes refusals, stages. Append-only, like audit_entry.
create table deal_activity (
    id        bigserial   primary key,
    deal_id   uuid        not null references deal (id),
    at        timestamptz not null,
    actor     text        not null,
    action    text        not null,
    detail    jsonb       not null default '{}',
    -- a job that records (stage workers): written once per job
    job_key   bigint      unique
);

create index deal_activity_by_deal on deal_activity (deal_id, id);

create function deal_activity_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'deal_activity is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger deal_activity_no_update_or_delete
    before update or delete on deal_activity
    for each row execute function deal_activity_append_only();

-- Business events received for a deal, one row per event key (the caller's Idempotency-Key or
-- eventId): the same event sent again finds its row and publishes nothing.
create table deal_event (
    deal_id      uuid        not null references deal (id),
    event_type   text        not null,
    event_key    text        not null check (length(event_key) between 1 and 255),
    message_id   text        not null unique,
    received_at  timestamptz not null,
    received_by  text        not null,
    primary key (deal_id, event_type, event_key)
);
