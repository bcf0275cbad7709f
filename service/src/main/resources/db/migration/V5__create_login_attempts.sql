-- Failed-login counters, shared by every instance so that the allowance does not grow with the
-- number of instances. One row per subject: 'account:<e-mail, lower-cased>' or 'address:<client IP>'.
create table login_attempts (
    subject         text        primary key,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    blocked_until   timestamptz
);
