-- Counterparties and their KYC state. The onboarding process (counterparty-onboarding) owns the
-- KYC columns: its kyc.record-outcome tasks write them; the API only creates counterparties.
create table counterparty (
    id                              uuid        primary key,
    name                            text        not null check (length(btrim(name)) between 1 and 500),
    type                            text        not null check (type in ('INDIVIDUAL', 'ENTITY', 'VESSEL')),
    country                         varchar(2)  not null check (country ~ '^[A-Z]{2}$'),
    ownership_disclosed             boolean     not null,
    kyc_status                      text        not null default 'PENDING'
        check (kyc_status in ('PENDING', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'OFFBOARDED')),
    risk_rating                     text        check (risk_rating in ('LOW', 'MEDIUM', 'HIGH', 'PROHIBITED')),
    latest_screening_decision       text        check (latest_screening_decision in ('CLEAR', 'POTENTIAL_MATCH')),
    next_review_date                date,
    kyc_recorded_at                 timestamptz,
    credit_limit_amount             numeric(19, 2) check (credit_limit_amount >= 0),
    credit_limit_currency           varchar(3)  check (credit_limit_currency ~ '^[A-Z]{3}$'),
    onboarding_process_instance_key bigint      unique,
    -- Idempotency-Key header (or requestId) of the creating request, and a digest of its body.
    idempotency_key                 text        unique,
    request_sha256                  varchar(64),
    created_at                      timestamptz not null,
    created_by                      text        not null,
    updated_at                      timestamptz not null,
    updated_by                      text        not null,
    version                         bigint      not null default 0,
    check ((credit_limit_amount is null) = (credit_limit_currency is null))
);

create index counterparty_by_status on counterparty (kyc_status, created_at desc);
create index counterparty_by_country on counterparty (country, created_at desc);
create index counterparty_by_created on counterparty (created_at desc, id);

-- Ultimate beneficial owners, in the order the client gave them.
create table counterparty_owner (
    counterparty_id uuid    not null references counterparty (id) on delete cascade,
    position        integer not null check (position >= 0),
    name            text    not null check (length(btrim(name)) between 1 and 500),
    primary key (counterparty_id, position)
);

-- Document metadata only; the files themselves live in a document store.
create table counterparty_document (
    id              uuid        primary key,
    counterparty_id uuid        not null references counterparty (id) on delete cascade,
    kind            text        not null,
    file_name       text        not null,
    sha256          varchar(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by     text        not null,
    uploaded_at     timestamptz not null
);

create index counterparty_document_by_counterparty on counterparty_document (counterparty_id, uploaded_at);

-- Every KYC outcome the onboarding process recorded, one row per job: the job key makes a
-- redelivered job write nothing a second time, and the rows are the counterparty's KYC history.
create table counterparty_kyc_outcome (
    job_key              bigint      primary key,
    counterparty_id      uuid        not null references counterparty (id) on delete cascade,
    process_instance_key bigint      not null,
    element_id           text        not null,
    kyc_status           text        not null
        check (kyc_status in ('PENDING', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'OFFBOARDED')),
    risk_rating          text,
    screening_decision   text,
    next_review_date     date,
    recorded_at          timestamptz not null
);

create index counterparty_kyc_outcome_by_counterparty on counterparty_kyc_outcome (counterparty_id, recorded_at);
