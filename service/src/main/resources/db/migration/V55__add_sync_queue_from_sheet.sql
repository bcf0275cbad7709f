-- Marks outbox rows of changes read in from the sheet (read-in edits, imported rows), so that the
-- queue shows where a write came from; the write-back itself treats them like any other row (it
-- skips cells that already show the value, so a value read in is not written back).
alter table sync_queue add column from_sheet boolean not null default false;
