-- Reconcile reports (dry runs and repairs), newest shown on the admin console. Only the last few
-- are kept: each report lists at most a thousand rows per kind, and older ones are history only.
create table sync_reconcile_reports (
    id         bigint      generated always as identity primary key,
    started_at timestamptz not null,
    trigger    text        not null,
    dry_run    boolean     not null,
    report     jsonb       not null
);
