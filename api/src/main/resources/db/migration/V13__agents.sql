-- Agents (docs/agents.md).

-- Steps of agent runs outside a process (the copilot): prompts, tool calls, answers, outcomes.
-- Runs on a job record their steps as engine variables instead, which the audit log chains.
create table agent_transcript (
    id           bigserial   primary key,
    conversation text        not null,
    agent        text        not null,
    actor        text,
    sequence     integer     not null,
    kind         text        not null,
    content      text        not null,
    recorded_at  timestamptz not null default now(),
    unique (conversation, sequence)
);

create function agent_transcript_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'agent_transcript is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger agent_transcript_no_update_or_delete
    before update or delete on agent_transcript
    for each row execute function agent_transcript_append_only();

-- Retrieval: reference documents (clauses, procedures, past deals) cut into passages, each with
-- its all-MiniLM-L6-v2 embedding (384 floats, unit length). Cosine similarity is computed in the
-- application (pgvector is not assumed).
create table retrieval_passage (
    id             bigserial   primary key,
    collection     text        not null,
    document       text        not null,
    title          text        not null,
    passage        integer     not null,
    text           text        not null,
    embedding      real[]      not null,
    model          text        not null,
    content_sha256 char(64)    not null,
    indexed_at     timestamptz not null default now(),
    unique (collection, document, passage)
);
