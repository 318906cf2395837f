-- Retention of the audit log (openmineral.audit.retention, docs/audit.md): the oldest entries of
-- a partition's chain move, as a prefix, to audit_entry_archive, and audit_chain_anchor keeps the
-- position and hash of the last one moved, so the entries left in audit_entry still verify from
-- the anchor, and the archive verifies up to it.

create table audit_entry_archive (
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
    actor                text,
    record_json          text        not null,
    previous_hash        char(64)    not null,
    hash                 char(64)    not null,
    archived_at          timestamptz not null,
    primary key (partition_id, position)
);

-- The last archived entry of each partition: the chain in audit_entry continues from its hash.
create table audit_chain_anchor (
    partition_id     integer primary key,
    position         bigint      not null,
    hash             char(64)    not null,
    archived_entries bigint      not null,
    archived_at      timestamptz not null
);

-- The archive is append-only like the log.
create trigger audit_entry_archive_no_update_or_delete
    before update or delete on audit_entry_archive
    for each row execute function audit_entry_append_only();

create trigger audit_entry_archive_no_truncate
    before truncate on audit_entry_archive
    for each statement execute function audit_entry_append_only();

-- audit_entry stays append-only, but for one delete: an entry already copied, unchanged, to the
-- archive and covered by its partition's anchor (what the archiving does in one transaction).
create function audit_entry_append_only_or_archived() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and exists (
        select 1 from audit_entry_archive a
        join audit_chain_anchor anchor on anchor.partition_id = a.partition_id
        where a.partition_id = old.partition_id and a.position = old.position
          and a.hash = old.hash and a.previous_hash = old.previous_hash
          and a.record_json = old.record_json and anchor.position >= old.position) then
        return old;
    end if;
    raise exception 'audit_entry is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

drop trigger audit_entry_no_update_or_delete on audit_entry;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only_or_archived();
