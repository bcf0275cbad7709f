-- Problems of the spreadsheet itself (not shared, gone, a tab or header missing): while one is
-- open its scope waits instead of failing items. One row per scope; model is '' for the whole
-- spreadsheet.
create table sync_pauses (
    model  text        not null,
    scope  text        not null check (scope in ('spreadsheet', 'tab')),
    tab    text,
    reason text        not null,
    hint   text        not null,
    since  timestamptz not null,
    primary key (model)
);
