-- Rows people typed into an import-new-rows tab (empty key cell) that sheetsync imported or refused.
-- Keyed by the tab's sheetId and a fingerprint of the row's values (sha-256 of its import columns,
-- with the row's occurrence among identical empty-key rows), so that a run that died between
-- creating the record and writing its id into the key cell finds the import again and writes the
-- id instead of creating a second record. Created in the record's own transaction.
create table sheet_row_imports (
    id          bigint      generated always as identity primary key,
    model       text        not null check (model in ('Request', 'Operator', 'Revenue')),
    sheet_id    integer     not null,
    fingerprint text        not null,
    -- PENDING: record created, its id not yet seen in the key cell; WRITTEN: id verified in the
    -- row; REFUSED: the row failed validation (a conflict with no record); GONE: the row changed or
    -- vanished before its id was written (the record's row is then appended by the write-back) or a
    -- refused row was changed by people (its conflict settled).
    status      text        not null check (status in ('PENDING', 'WRITTEN', 'REFUSED', 'GONE')),
    record_id   uuid,
    conflict_id bigint,
    row_index   integer     not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    check (record_id is not null or status in ('REFUSED', 'GONE'))
);

-- One live import per typed row: a second run (or instance) that reads the same row finds it.
create unique index sheet_row_imports_live_idx on sheet_row_imports (sheet_id, fingerprint)
    where status in ('PENDING', 'REFUSED');
