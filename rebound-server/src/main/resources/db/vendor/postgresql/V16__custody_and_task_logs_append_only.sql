-- The chain of custody and task logs can only grow, like the audit log.
create function append_only() returns trigger as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op;
end;
$$ language plpgsql;

create trigger custody_entry_append_only before update or delete on custody_entry
    for each row execute function append_only();
create trigger task_log_append_only before update or delete on task_log
    for each row execute function append_only();
