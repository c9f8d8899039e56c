-- The audit log can only grow: any update or delete of an entry fails.
create function audit_log_append_only() returns trigger as $$
begin
    raise exception 'the audit log is append-only: % of entry % refused', tg_op, old.seq;
end;
$$ language plpgsql;

create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_append_only();
