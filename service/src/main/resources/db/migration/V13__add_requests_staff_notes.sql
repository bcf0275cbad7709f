-- Staff Notes: typed by staff in the Requests tab (a sheet-to-db column), read into the record.
alter table requests add column staff_notes text;
