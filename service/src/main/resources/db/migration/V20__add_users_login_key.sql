-- The canonical login name (dev.sheetsync.users.LoginName: NFKC, trimmed, case-folded) the login
-- looks users up by. Computed by the service, which fills it at startup for rows written before
-- this column existed; unique, so two spellings of one address cannot be two accounts.
alter table users add column login_key text;

create unique index users_login_key_uq on users (login_key);
