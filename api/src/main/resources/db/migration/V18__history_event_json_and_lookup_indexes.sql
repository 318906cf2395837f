-- history_event.value holds the record's value as the engine wrote it: json (checked, stored as
-- written) rather than jsonb (parsed into a binary tree on every insert). The audit projection
-- writes one row per replayed event, and nothing queries inside the value: the API reads it whole.
alter table history_event alter column value type json using value::json;

-- A counterparty's open invoices (credit exposure, on every credit check and payment match) are
-- found by counterparty: without this index that is a scan of every invoice.
create index invoice_by_counterparty on invoice (counterparty_id);

-- The desk's open deals (the risk score's concentration figures, once per deal) are summed over
-- the deals still open: without this index that is a scan of every deal ever captured.
create index deal_open_by_currency on deal (value_currency)
    where status not in ('CLOSED', 'REJECTED', 'CANCELLED') and cancelled_at is null;
