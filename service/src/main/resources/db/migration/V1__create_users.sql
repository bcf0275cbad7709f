-- People who log in. Email is unique regardless of case.
create table users (
    id            uuid primary key,
    email         text        not null,
    name          text        not null,
    role          text        not null check (role in ('ADMIN', 'SELLER', 'ACCOUNTANT')),
    password_hash text        not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create unique index users_email_lower_uq on users (lower(email));
