-- Raised whenever a user's role, email or password changes. A session remembers the version it was
-- created with and is refused once the stored one differs, including sessions whose login was still
-- in flight when the change committed (deleting the user refuses them likewise).
alter table users add column credentials_version bigint not null default 0;
