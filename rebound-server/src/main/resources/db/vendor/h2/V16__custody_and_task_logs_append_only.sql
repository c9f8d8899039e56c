-- The chain of custody and task logs can only grow, like the audit log.
create trigger custody_entry_append_only before update, delete on custody_entry
    for each row call "org.rebound.audit.AppendOnlyTrigger";
create trigger task_log_append_only before update, delete on task_log
    for each row call "org.rebound.audit.AppendOnlyTrigger";
