-- Instances audited before the structured history existed: their process instances, element
-- instances and replay events, rebuilt from the audit chain (the rows the projection would have
-- written; docs/audit.md). Rows the projection wrote already are kept.

with recursive activated as (
    select e.partition_id, e.record_key, e.record_timestamp, (e.record_json::jsonb) -> 'value' as v
    from audit_entry e
    where e.record_type = 'EVENT' and e.value_type = 'PROCESS_INSTANCE'
      and e.intent = 'ELEMENT_ACTIVATED'
      and (e.record_json::jsonb) -> 'value' ->> 'bpmnElementType' = 'PROCESS'
), tree (process_instance_key, root_process_instance_key) as (
    select record_key, record_key from activated
    where coalesce((v ->> 'parentProcessInstanceKey')::bigint, -1) <= 0
    union all
    select a.record_key, tree.root_process_instance_key
    from activated a join tree on (a.v ->> 'parentProcessInstanceKey')::bigint = tree.process_instance_key
)
insert into history_process_instance
    (process_instance_key, partition_id, bpmn_process_id, process_definition_key, version,
     parent_process_instance_key, parent_element_instance_key, root_process_instance_key,
     state, started_at, ended_at)
select a.record_key, a.partition_id, a.v ->> 'bpmnProcessId',
       (a.v ->> 'processDefinitionKey')::bigint, (a.v ->> 'version')::integer,
       nullif(greatest((a.v ->> 'parentProcessInstanceKey')::bigint, 0), 0),
       nullif(greatest((a.v ->> 'parentElementInstanceKey')::bigint, 0), 0),
       coalesce(tree.root_process_instance_key,
                nullif(greatest((a.v ->> 'parentProcessInstanceKey')::bigint, 0), 0), a.record_key),
       coalesce(ended.state, 'ACTIVE'), a.record_timestamp, ended.at
from activated a
left join tree on tree.process_instance_key = a.record_key
left join lateral (
    select case x.intent when 'ELEMENT_COMPLETED' then 'COMPLETED' else 'TERMINATED' end as state,
           x.record_timestamp as at
    from audit_entry x
    where x.process_instance_key = a.record_key and x.record_key = a.record_key
      and x.record_type = 'EVENT' and x.value_type = 'PROCESS_INSTANCE'
      and x.intent in ('ELEMENT_COMPLETED', 'ELEMENT_TERMINATED')
    order by x.position limit 1) ended on true
on conflict do nothing;

insert into history_element_instance
    (element_instance_key, process_instance_key, flow_scope_key, element_id, element_type, state,
     activated_at, completed_at, terminated_at)
select a.record_key, a.process_instance_key,
       nullif(greatest((a.v ->> 'flowScopeKey')::bigint, 0), 0),
       a.v ->> 'elementId', a.v ->> 'bpmnElementType', coalesce(ended.state, 'ACTIVE'),
       a.record_timestamp,
       case when ended.state = 'COMPLETED' then ended.at end,
       case when ended.state = 'TERMINATED' then ended.at end
from (select e.*, (e.record_json::jsonb) -> 'value' as v from audit_entry e
      where e.record_type = 'EVENT' and e.value_type = 'PROCESS_INSTANCE'
        and e.intent = 'ELEMENT_ACTIVATED' and e.process_instance_key is not null) a
left join lateral (
    select case x.intent when 'ELEMENT_COMPLETED' then 'COMPLETED' else 'TERMINATED' end as state,
           x.record_timestamp as at
    from audit_entry x
    where x.process_instance_key = a.process_instance_key and x.record_key = a.record_key
      and x.record_type = 'EVENT' and x.value_type = 'PROCESS_INSTANCE'
      and x.intent in ('ELEMENT_COMPLETED', 'ELEMENT_TERMINATED')
    order by x.position limit 1) ended on true
on conflict do nothing;

insert into history_event
    (partition_id, position, process_instance_key, root_process_instance_key, value_type, intent,
     record_key, element_instance_key, element_id, element_type, bpmn_process_id, event_time,
     actor, value)
select e.partition_id, e.position, e.process_instance_key,
       coalesce(p.root_process_instance_key, e.process_instance_key), e.value_type, e.intent,
       e.record_key,
       case when e.value_type = 'PROCESS_INSTANCE' then e.record_key
            else nullif(greatest(((e.record_json::jsonb) -> 'value' ->> 'elementInstanceKey')::bigint, 0), 0)
       end,
       e.element_id, (e.record_json::jsonb) -> 'value' ->> 'bpmnElementType', e.bpmn_process_id,
       e.record_timestamp, e.actor, (e.record_json::jsonb) -> 'value'
from audit_entry e
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
    or (e.value_type = 'DECISION_EVALUATION' and e.intent in ('EVALUATED', 'FAILED')))
on conflict do nothing;
