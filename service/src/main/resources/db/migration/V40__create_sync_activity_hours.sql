-- The console's 24-hour chart, rolled up per closed hour so that /admin does not scan a week of
-- queue and log rows on every load (15-21 s at 1,000,000 rows each). An hour is stored once it
-- has ended (plus a margin for transactions stamped before the hour's end that commit after it);
-- its numbers cannot change afterwards. The current hour is always computed live.
create table sync_activity_hours (
    hour      timestamptz primary key,
    succeeded bigint not null,
    failed    bigint not null,
    -- items created before the hour's end and not completed by then (FAILED items left out)
    waiting   bigint not null
);
