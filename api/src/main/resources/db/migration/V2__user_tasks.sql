-- The task inbox in embedded mode: a projection of the engine's record feed (USER_TASK, VARIABLE,
-- PROCESS and FORM events). Each feed subscriber keeps the position of the last record it applied
-- in projection_position, written in the same transaction as the rows, so a record is applied once.
create table projection_position (
    name     text   primary key,
    position bigint not null
);

create table user_task (
    user_task_key              bigint      primary key,
    state                      text        not null check (state in ('CREATED', 'COMPLETED', 'CANCELED')),
    element_id                 text        not null,
    element_instance_key       bigint      not null,
    bpmn_process_id            text        not null,
    process_definition_key     bigint      not null,
    process_definition_version integer     not null,
    process_instance_key       bigint      not null,
    assignee                   text,
    candidate_groups           text[]      not null default '{}',
    candidate_users            text[]      not null default '{}',
    form_key                   bigint,
    due_date                   text,
    follow_up_date             text,
    priority                   integer     not null default 50,
    creation_time              timestamptz not null,
    completion_time            timestamptz
);

create index user_task_open_by_instance on user_task (process_instance_key) where state = 'CREATED';
create index user_task_open_by_assignee on user_task (assignee) where state = 'CREATED';

-- Variables as last written, per scope (process instance or element instance); values are JSON.
create table process_variable (
    scope_key            bigint not null,
    name                 text   not null,
    process_instance_key bigint not null,
    value                jsonb  not null,
    primary key (scope_key, name)
);

create index process_variable_by_instance on process_variable (process_instance_key);

-- Deployed process definitions and forms as the engine accepted them (every version).
create table process_definition (
    process_definition_key bigint  primary key,
    bpmn_process_id        text    not null,
    name                   text,
    version                integer not null,
    resource_name          text    not null,
    -- element id -> name of every named element, for the names of user tasks
    element_names          jsonb   not null default '{}'
);

create table task_form (
    form_key bigint  primary key,
    form_id  text    not null,
    version  integer not null,
    schema   text    not null
);
