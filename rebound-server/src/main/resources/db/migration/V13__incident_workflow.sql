-- The statuses incidents move through, as the incident commanders set them (one row; none: the default).
create table incident_workflow (
    id          integer primary key,
    statuses    text not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(100) not null
);
