-- The audit log can only grow: any update or delete of an entry fails.
create trigger audit_log_append_only before update, delete on audit_log
    for each row call "org.rebound.audit.AppendOnlyTrigger";
