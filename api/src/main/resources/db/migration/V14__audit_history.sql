-- The structured process history: written by the audit projection (audit/ module) in the same
-- transaction as each audit_entry, once per record (docs/audit.md). Unlike audit_entry these rows
-- change as the instance moves on (states, end times); the hash chain is their proof.

-- Process instances, called instances with their caller and the root of their call tree.
create table history_process_instance (
    process_instance_key        bigint primary key,
    partition_id                integer     not null,
    bpmn_process_id             text        not null,
    process_definition_key      bigint      not null,
    version                     integer     not null,
    parent_process_instance_key bigint,
    parent_element_instance_key bigint,
    root_process_instance_key   bigint      not null,
    -- ACTIVE, COMPLETED, TERMINATED
    state                       text        not null,
    started_at                  timestamptz not null,
    ended_at                    timestamptz
);

create index history_process_instance_by_parent
    on history_process_instance (parent_process_instance_key)
    where parent_process_instance_key is not null;

-- Every activated BPMN element (the process itself included), with its end.
create table history_element_instance (
    element_instance_key bigint primary key,
    process_instance_key bigint      not null,
    flow_scope_key       bigint,
    element_id           text        not null,
    element_type         text        not null,
    -- ACTIVE, COMPLETED, TERMINATED
    state                text        not null,
    activated_at         timestamptz not null,
    completed_at         timestamptz,
    terminated_at        timestamptz
);

create index history_element_instance_by_instance
    on history_element_instance (process_instance_key, activated_at);

-- The ordered events of each instance that replay its token flow (docs/audit.md lists them):
-- element activations and ends, sequence flows taken, user tasks, variables, incidents, message
-- correlations, timers, jobs and decision evaluations; value is the record's value.
create table history_event (
    partition_id              integer     not null,
    position                  bigint      not null,
    process_instance_key      bigint      not null,
    root_process_instance_key bigint      not null,
    value_type                text        not null,
    intent                    text        not null,
    record_key                bigint      not null,
    element_instance_key      bigint,
    element_id                text,
    element_type              text,
    bpmn_process_id           text,
    event_time                timestamptz not null,
    actor                     text,
    value                     jsonb       not null,
    primary key (partition_id, position)
);

create index history_event_by_instance on history_event (process_instance_key, position);

-- User tasks: created, assigned, completed (by whom, with the submitted variables) or canceled.
create table history_user_task (
    user_task_key        bigint primary key,
    process_instance_key bigint      not null,
    element_instance_key bigint      not null,
    element_id           text        not null,
    bpmn_process_id      text,
    candidate_groups     jsonb,
    candidate_users      jsonb,
    assignee             text,
    -- CREATED, COMPLETED, CANCELED
    state                text        not null,
    created_at           timestamptz not null,
    assigned_at          timestamptz,
    completed_at         timestamptz,
    completed_by         text,
    canceled_at          timestamptz,
    variables            jsonb
);

create index history_user_task_by_instance on history_user_task (process_instance_key);

-- Every value a variable took, in log order.
create table history_variable (
    partition_id         integer     not null,
    position             bigint      not null,
    variable_key         bigint      not null,
    process_instance_key bigint      not null,
    scope_key            bigint      not null,
    name                 text        not null,
    -- the value as JSON text, as the engine wrote it
    value                text        not null,
    -- CREATED, UPDATED
    intent               text        not null,
    changed_at           timestamptz not null,
    primary key (partition_id, position)
);

create index history_variable_by_instance on history_variable (process_instance_key, name, position);

create table history_incident (
    incident_key         bigint primary key,
    process_instance_key bigint      not null,
    element_instance_key bigint,
    element_id           text,
    error_type           text,
    error_message        text,
    job_key              bigint,
    -- ACTIVE, RESOLVED
    state                text        not null,
    created_at           timestamptz not null,
    resolved_at          timestamptz
);

create index history_incident_by_instance on history_incident (process_instance_key);

-- Messages correlated to a catch event, boundary or receive task, or starting an instance.
create table history_message_correlation (
    partition_id         integer     not null,
    position             bigint      not null,
    process_instance_key bigint      not null,
    element_instance_key bigint,
    element_id           text,
    message_name         text        not null,
    correlation_key      text,
    message_key          bigint,
    variables            jsonb,
    correlated_at        timestamptz not null,
    primary key (partition_id, position)
);

create index history_message_correlation_by_instance
    on history_message_correlation (process_instance_key);

-- DMN evaluations: every decision evaluated, with its inputs, matched rules and outputs.
create table history_decision_evaluation (
    decision_evaluation_key  bigint primary key,
    process_instance_key     bigint,
    element_instance_key     bigint,
    element_id               text,
    bpmn_process_id          text,
    decision_id              text        not null,
    decision_name            text,
    decision_version         integer,
    decision_requirements_id text,
    -- the output of the called decision as JSON text
    decision_output          text,
    evaluated_decisions      jsonb       not null,
    failed                   boolean     not null,
    failure_message          text,
    evaluated_at             timestamptz not null
);

create index history_decision_evaluation_by_instance
    on history_decision_evaluation (process_instance_key)
    where process_instance_key is not null;
