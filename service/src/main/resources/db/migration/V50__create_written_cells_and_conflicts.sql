-- The written-values base: per record (one tab per model) the value sheetsync last wrote to each
-- cell it owns, by column header, as the sheet displays it. Every comparison with the sheet
-- (people's edits, reconcile, read-in) is against this. Kept after the record is deleted
-- (deleted = true) so that reconcile can tell a deleted record's row from an id typed by hand.
create table sheet_written_rows (
    model      text        not null check (model in ('Request', 'Operator', 'Revenue')),
    record_id  uuid        not null,
    cells      jsonb       not null,
    -- Values a batch is about to write, stored before the write: after a crash between the write
    -- and the outcome, the sheet may show them, and they are sheetsync's, not people's.
    pending    jsonb,
    deleted    boolean     not null default false,
    written_at timestamptz not null default now(),
    primary key (model, record_id)
);

-- A person's edit of a sheetsync-owned cell (or, later, a value read in that cannot be applied).
-- At most one OPEN conflict per record and column: a repeated detection refreshes it.
create table sync_conflicts (
    id             bigint      generated always as identity primary key,
    model          text        not null check (model in ('Request', 'Operator', 'Revenue')),
    record_id      uuid,
    tab            text        not null,
    column_header  text        not null,
    row_index      integer,
    written_value  text,
    sheet_value    text,
    database_value text,
    message        text,
    -- true when sheetsync wrote the database's value over the person's: the sheet no longer shows
    -- sheet_value (on-edit overwrite); false while the sheet still shows it (keep, reconcile).
    overwritten    boolean     not null default false,
    booking_code   text,
    customer       text,
    detected_at    timestamptz not null default now(),
    status         text        not null default 'OPEN' check (status in ('OPEN', 'RESOLVED')),
    resolution     text        check (resolution in ('DATABASE', 'SHEET')),
    resolved_at    timestamptz,
    resolved_by    text
);

create unique index sync_conflicts_one_open_idx on sync_conflicts (model, record_id, column_header)
    where status = 'OPEN' and record_id is not null;
create index sync_conflicts_status_idx on sync_conflicts (status, id desc);
