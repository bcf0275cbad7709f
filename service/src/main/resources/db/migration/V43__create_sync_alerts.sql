-- One row per alert condition ever raised: whether it is active and when it was last sent. Shared
-- by all instances, so that a condition is alerted once per repeat-after, not once per instance.
create table sync_alerts (
    event        text        primary key,
    active       boolean     not null,
    since        timestamptz not null,
    last_sent_at timestamptz not null,
    summary      text        not null
);
