-- The business records that sheetsync mirrors into Google Sheets.
-- Money is numeric (never floating point); sheet_row_index is the last row the sync wrote the record
-- to, a hint only: the write-back trusts it only if that row still holds the record's id.
create table requests (
    id              uuid primary key,
    booking_code    text          not null unique,
    customer_name   text          not null,
    customer_phone  text,
    customer_email  text,
    destination     text,
    start_date      date,
    end_date        date,
    pax             integer       not null check (pax >= 1),
    total_price     numeric(14, 2) not null default 0,
    currency        text          not null default 'USD',
    status          text          not null default 'NEW'
                    check (status in ('NEW', 'CONFIRMED', 'COMPLETED', 'CANCELLED')),
    seller_id       uuid references users (id),
    notes           text,
    sheet_row_index integer,
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now(),
    check (end_date is null or start_date is null or end_date >= start_date)
);

create index requests_seller_idx on requests (seller_id);
create index requests_status_idx on requests (status);

create table operators (
    id              uuid primary key,
    request_id      uuid          not null references requests (id),
    service_date    date,
    service_type    text          not null
                    check (service_type in ('HOTEL', 'TRANSPORT', 'GUIDE', 'TICKET', 'MEAL', 'OTHER')),
    supplier_name   text          not null,
    description     text,
    cost            numeric(14, 2) not null default 0,
    payment_status  text          not null default 'UNPAID'
                    check (payment_status in ('UNPAID', 'PARTIAL', 'PAID')),
    notes           text,
    sheet_row_index integer,
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now()
);

create index operators_request_idx on operators (request_id);

create table revenues (
    id              uuid primary key,
    request_id      uuid          not null references requests (id),
    payment_date    date,
    amount          numeric(14, 2) not null,
    method          text          not null default 'BANK_TRANSFER'
                    check (method in ('CASH', 'BANK_TRANSFER', 'CARD', 'OTHER')),
    reference       text,
    notes           text,
    sheet_row_index integer,
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now()
);

create index revenues_request_idx on revenues (request_id);
