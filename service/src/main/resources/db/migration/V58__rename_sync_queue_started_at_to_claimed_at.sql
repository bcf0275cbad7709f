-- A queue item's claim time is its lease's start: called claimed_at everywhere (the claim statement,
-- QueueItem.claimedAt, the README), and no longer started_at, which read like the start of the work
-- and is what sync_runs calls a run's start. The index on (status, started_at) follows the column.
-- An instance still running the previous version fails its queue statements until it is replaced.
alter table sync_queue rename column started_at to claimed_at;
