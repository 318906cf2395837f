-- history_event.value was a second copy of the record's value: the audit entry at the same
-- partition and position holds the whole record in record_json, the bytes its hash covers.
-- The history now reads an event's value from there (InstanceHistory, through the archive for
-- entries moved by retention), so a replayed event shows exactly what the chain proves, and the
-- projection no longer writes each event's value twice. Dropping the column changes only the
-- catalogue; the space of old values is reused as the table is vacuumed.
alter table history_event drop column value;
