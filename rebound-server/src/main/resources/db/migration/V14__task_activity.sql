-- A task about a system can name the planner activity it carries out (triage, restore, validate).
alter table incident_task add column activity varchar(20);
