-- Malware and tools (ATT&CK software, S-numbers) found in an incident.
create table incident_software (
    incident_id   bigint not null references incident (id),
    software      varchar(20) not null,
    noted_at      timestamp with time zone not null,
    noted_by      varchar(100) not null,
    primary key (incident_id, software)
);
