-- Repeated wrong passwords lock an account for a while.
alter table app_user add column failed_logins int default 0 not null;
alter table app_user add column locked_until timestamp with time zone;
