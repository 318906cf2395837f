-- The audit log: an append-only projection of the engine's record feed (events and command
-- rejections), one row per record, chained per partition by SHA-256 (docs/audit.md).
create table audit_entry (
    partition_id         integer     not null,
    position             bigint      not null,
    record_type          text        not null,
    value_type           text        not null,
    intent               text        not null,
    record_key           bigint      not null,
    process_instance_key bigint,
    element_id           text,
    bpmn_process_id      text,
    record_timestamp     timestamptz not null,
    -- the user who acted, when known (user-task assignment and completion: see docs/audit.md)
    actor                text,
    -- the record as the engine's JSON, kept as text so the hashed bytes are the stored bytes
    record_json          text        not null,
    -- hex SHA-256 of the previous entry of the partition (64 zeros for the first) and of this one
    previous_hash        char(64)    not null,
    hash                 char(64)    not null,
    primary key (partition_id, position)
);

create index audit_entry_by_instance on audit_entry (process_instance_key, position)
    where process_instance_key is not null;

-- The newest entry of each partition: where the feed resumes, and the chain's head, so that
-- removing entries at the tail is detected. Written in the same transaction as each entry.
create table audit_chain_head (
    partition_id integer  primary key,
    position     bigint   not null,
    hash         char(64) not null
);

-- Append-only: the application's role may insert audit entries but never change or remove them.
-- In cluster deployments also grant the application's role only SELECT, INSERT (docs/audit.md).
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
