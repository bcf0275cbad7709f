-- Which tab of a spreadsheet shows which model, by Google's numeric sheetId: a tab people rename
-- is followed by its id; the title is what was last seen (for logs and ranges).
create table sheet_tabs (
    spreadsheet_id text        not null,
    model          text        not null,
    sheet_id       integer     not null,
    title          text        not null,
    resolved_at    timestamptz not null default now(),
    primary key (spreadsheet_id, model)
);
