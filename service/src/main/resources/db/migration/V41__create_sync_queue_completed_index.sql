-- COMPLETED items by completion time: the backlog of a past hour (items completed after it ended)
-- and the count of recently completed items read this range instead of every COMPLETED row.
create index sync_queue_completed_idx on sync_queue (processed_at, created_at)
    where status = 'COMPLETED';
