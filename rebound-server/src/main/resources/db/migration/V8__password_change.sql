-- A password an administrator issued (a new account, a reset) works once: the user must choose their own.
alter table app_user add column password_change_required boolean default false not null;
