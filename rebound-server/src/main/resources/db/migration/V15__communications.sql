-- Communications on the timeline: with whom, by which channel, and an evidence item attached (the letter sent, the call notes).
alter table timeline_entry add column counterpart varchar(40);
alter table timeline_entry add column channel varchar(40);
alter table timeline_entry add column attachment_id bigint references evidence (id);
