-- When a mail merge last moved on, so that one a stopped server left behind shows as stalled.
alter table letter_run add column progressed_at timestamp with time zone;
update letter_run set progressed_at = coalesce(finished_at, started_at);
