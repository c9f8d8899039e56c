-- Lessons learned of an incident, as its team writes them for the post-incident report (latest text wins;
-- every change is in the audit log).
create table incident_lessons (
    incident_id  bigint primary key references incident (id),
    lessons      text not null,
    updated_at   timestamp with time zone not null,
    updated_by   varchar(100) not null
);
