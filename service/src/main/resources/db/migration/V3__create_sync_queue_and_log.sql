-- The transactional outbox: one row per change, inserted in the same transaction as the change.
-- payload is a snapshot of the record at the time of the change, so a DELETE can still be written
-- after the record is gone.
create table sync_queue (
    id              bigint generated always as identity primary key,
    action          text        not null check (action in ('CREATE', 'UPDATE', 'DELETE')),
    model           text        not null check (model in ('Request', 'Operator', 'Revenue')),
    record_id       uuid        not null,
    sheet_row_index integer,
    payload         jsonb       not null,
    status          text        not null default 'PENDING'
                    check (status in ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED')),
    retries         integer     not null default 0,
    last_error      text,
    next_attempt_at timestamptz not null default now(),
    created_at      timestamptz not null default now(),
    started_at      timestamptz,
    processed_at    timestamptz
);

-- "oldest due PENDING first": the claim query walks this partial index only.
create index sync_queue_due_idx on sync_queue (next_attempt_at, id) where status = 'PENDING';
-- stats by status, and the stuck-item reset.
create index sync_queue_status_idx on sync_queue (status, started_at);
-- coalescing and diagnostics per record.
create index sync_queue_record_idx on sync_queue (model, record_id);

-- One row per outcome of a queue item (or other sync event).
create table sync_log (
    id            bigint generated always as identity primary key,
    queue_item_id bigint,
    sheet_name    text        not null,
    action        text        not null,
    record_id     text,
    row_index     integer,
    status        text        not null check (status in ('SUCCESS', 'FAILED')),
    error_message text,
    synced_at     timestamptz not null default now()
);

create index sync_log_synced_at_idx on sync_log (synced_at);
create index sync_log_queue_item_idx on sync_log (queue_item_id);
