-- Invoices and payments of the settlement process (bpmn/settlement.bpmn). Rows are written only by
-- its job workers: the job key makes a redelivered booking job write nothing a second time, the
-- payment's message id makes a duplicated payment-received message count once.
create table invoice (
    id                   uuid           primary key,
    deal_id              text           not null,
    lot_id               text           not null,
    counterparty_id      text           not null,
    kind                 text           not null check (kind in ('PROVISIONAL', 'FINAL')),
    -- PROVISIONAL: the amount due; FINAL: the lot's final value.
    amount               numeric(19, 2) not null,
    currency             varchar(3)     not null check (currency ~ '^[A-Z]{3}$'),
    -- What this invoice asks to be paid: the amount (PROVISIONAL), or the final value less the
    -- provisional invoices (FINAL; negative when the seller refunds).
    balance              numeric(19, 2) not null,
    lines                jsonb          not null,
    process_instance_key bigint         not null,
    created_by_job_key   bigint         not null unique,
    created_at           timestamptz    not null
);

create index invoice_by_lot on invoice (lot_id, kind);
create index invoice_by_deal on invoice (deal_id, created_at);

create table payment (
    id          uuid           primary key,
    invoice_id  uuid           not null references invoice (id),
    amount      numeric(19, 2) not null check (amount > 0),
    -- The payment's id, published as the message id of payment-received.
    message_id  text           not null unique,
    job_key     bigint         not null,
    received_at timestamptz    not null
);

create index payment_by_invoice on payment (invoice_id, received_at);
