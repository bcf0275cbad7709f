-- Run history: one row per write-back run that started (a trigger refused because another run
-- held the lock is not a run). Kept for sheetsync.runs.retention by the daily cleanup.
create table sync_runs (
    id              bigint generated always as identity primary key,
    trigger         text        not null,
    instance        text        not null,
    started_at      timestamptz not null,
    duration_ms     bigint      not null,
    outcome         text        not null check (outcome in ('COMPLETED', 'FAILED')),
    processed       integer     not null,
    succeeded       integer     not null,
    failed          integer     not null,
    skipped         integer     not null,
    released        integer     not null,
    sheets_requests bigint      not null,
    stopped_by      text        not null
);

create index sync_runs_started_at_idx on sync_runs (started_at);
