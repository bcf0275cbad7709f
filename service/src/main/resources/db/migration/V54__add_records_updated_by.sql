-- Who last changed a record: the session user for API writes, the configured sheet user
-- (sheetsync.sync.sheet-user, default the first admin) for changes read in from the sheet.
-- Null for records last changed before this column existed.
alter table requests add column updated_by uuid references users (id) on delete set null;
alter table operators add column updated_by uuid references users (id) on delete set null;
alter table revenues add column updated_by uuid references users (id) on delete set null;
