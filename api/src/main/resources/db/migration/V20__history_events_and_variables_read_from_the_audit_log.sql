-- The replay's events and every value a variable took are read from the audit log itself rather
-- than from copies of its entries. history_event held one row per replayed event and
-- history_variable one per variable event, each a copy of fields the audit entry at the same
-- partition and position holds (record_json is the whole record, the bytes its hash covers). The
-- projection wrote both copies for every record, about 700 rows per trade lifecycle. Now both
-- names are views over audit_log, audit_entry and the archive together (entries retention moved
-- keep their history): the same columns, so a replay shows exactly what the chain proves and
-- cannot disagree with it.

drop table history_event;
drop table history_variable;

-- the archive is read by instance too, as audit_entry is (audit_entry_by_instance, V6)
create index audit_entry_archive_by_instance on audit_entry_archive (process_instance_key, position)
    where process_instance_key is not null;

-- Every entry of the chain, moved to the archive by retention or not: what the two views read.
create view audit_log as
select partition_id, position, record_type, value_type, intent, record_key, process_instance_key,
       element_id, bpmn_process_id, record_timestamp, actor, record_json
  from audit_entry
union all
select partition_id, position, record_type, value_type, intent, record_key, process_instance_key,
       element_id, bpmn_process_id, record_timestamp, actor, record_json
  from audit_entry_archive;

-- The ordered events that replay an instance's token flow (docs/audit.md lists them): element
-- activations and ends, sequence flows taken, user tasks, variables, incidents, message
-- correlations, timers, jobs and decision evaluations; value is the record's value as the engine
-- wrote it.
create view history_event as
select e.partition_id,
       e.position,
       e.process_instance_key,
       coalesce(p.root_process_instance_key, e.process_instance_key) as root_process_instance_key,
       e.value_type,
       e.intent,
       e.record_key,
       case when e.value_type = 'PROCESS_INSTANCE' then e.record_key
            else nullif(greatest((r.value ->> 'elementInstanceKey')::bigint, 0), 0)
       end as element_instance_key,
       e.element_id,
       case when btrim(r.value ->> 'bpmnElementType') <> '' then r.value ->> 'bpmnElementType'
       end as element_type,
       e.bpmn_process_id,
       e.record_timestamp as event_time,
       e.actor,
       r.value
from audit_log e
cross join lateral (select e.record_json::json -> 'value' as value) r
left join history_process_instance p on p.process_instance_key = e.process_instance_key
where e.record_type = 'EVENT' and e.process_instance_key is not null
  and ((e.value_type = 'PROCESS_INSTANCE' and e.intent in
          ('ELEMENT_ACTIVATED', 'ELEMENT_COMPLETED', 'ELEMENT_TERMINATED', 'SEQUENCE_FLOW_TAKEN'))
    or (e.value_type = 'USER_TASK' and e.intent in
          ('CREATED', 'ASSIGNED', 'UPDATED', 'COMPLETED', 'CANCELED'))
    or (e.value_type = 'VARIABLE' and e.intent in ('CREATED', 'UPDATED'))
    or (e.value_type = 'INCIDENT' and e.intent in ('CREATED', 'RESOLVED'))
    or (e.value_type in ('PROCESS_MESSAGE_SUBSCRIPTION', 'MESSAGE_START_EVENT_SUBSCRIPTION')
        and e.intent = 'CORRELATED')
    or (e.value_type = 'TIMER' and e.intent in ('CREATED', 'TRIGGERED', 'CANCELED'))
    or (e.value_type = 'JOB' and e.intent in ('CREATED', 'COMPLETED', 'FAILED', 'ERROR_THROWN'))
    or (e.value_type = 'DECISION_EVALUATION' and e.intent in ('EVALUATED', 'FAILED')));

-- Every value a variable took, in log order; value is the variable's value as JSON text, as the
-- engine wrote it.
create view history_variable as
select e.partition_id,
       e.position,
       e.record_key as variable_key,
       e.process_instance_key,
       (r.value ->> 'scopeKey')::bigint as scope_key,
       r.value ->> 'name' as name,
       r.value ->> 'value' as value,
       e.intent,
       e.record_timestamp as changed_at
from audit_log e
cross join lateral (select e.record_json::json -> 'value' as value) r
where e.record_type = 'EVENT' and e.value_type = 'VARIABLE' and e.intent in ('CREATED', 'UPDATED')
  and e.process_instance_key is not null;
