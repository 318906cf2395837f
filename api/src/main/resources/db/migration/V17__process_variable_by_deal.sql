-- A deal's process instances (its trade lifecycle and the instances it called) are found by their
-- dealId variable on every GET /api/deals/{id}: without this index that is a scan of every
-- variable of every instance.
create index process_variable_by_deal on process_variable (value) where name = 'dealId';
