-- Every process, decision and form definition the engine has accepted, one row per version.
create table deployed_resource (
    id              bigserial primary key,
    resource_name   text        not null,
    resource_type   text        not null check (resource_type in ('PROCESS', 'DECISION', 'FORM')),
    resource_id     text        not null,
    version         integer     not null check (version > 0),
    definition_key  bigint      not null unique,
    checksum_sha256 char(64)    not null,
    deployed_at     timestamptz not null default now()
);

create index deployed_resource_by_id on deployed_resource (resource_type, resource_id, version);
