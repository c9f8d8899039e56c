-- Incidents can be part of a larger one, and one can be merged into another (it then stays, closed, as history).
alter table incident add column parent_id bigint references incident (id);
alter table incident add column merged_into bigint references incident (id);
