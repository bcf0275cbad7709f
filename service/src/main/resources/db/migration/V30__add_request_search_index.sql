-- GET /api/requests?q= ignores accents and case: staff type "nguyen" for "Nguyễn Văn An", and a
-- trigram index keeps the infix search ('%…%') fast at 100,000 requests. unaccent and pg_trgm ship
-- with PostgreSQL (contrib) and are trusted extensions since PostgreSQL 13, so the database owner
-- may create them; hosted PostgreSQL (Supabase, Neon, RDS, Heroku) offers both.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent(text) is only STABLE (it reads a dictionary found through search_path), so it cannot be
-- indexed; this wrapper names the dictionary and the function by schema and is declared IMMUTABLE,
-- the usual way to index it. The schema is wherever the extension lives (Supabase: "extensions").
do $$
declare
    ext_schema text := (select n.nspname from pg_extension e
                          join pg_namespace n on n.oid = e.extnamespace
                         where e.extname = 'unaccent');
begin
    execute format(
        'create function search_fold(text) returns text'
        ' language sql immutable parallel safe strict as %L',
        format('select lower(%I.unaccent(%L::regdictionary, $1))',
               ext_schema, quote_ident(ext_schema) || '.unaccent'));
end
$$;

do $$
declare
    ext_schema text := (select n.nspname from pg_extension e
                          join pg_namespace n on n.oid = e.extnamespace
                         where e.extname = 'pg_trgm');
begin
    execute format(
        'create index requests_search_idx on requests'
        ' using gin (search_fold(booking_code || %L || customer_name) %I.gin_trgm_ops)',
        ' ', ext_schema);
end
$$;
