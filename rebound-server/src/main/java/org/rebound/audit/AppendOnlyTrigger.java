package org.rebound.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * H2 trigger refusing updates and deletes of the rows of an append-only table: the audit log, the
 * chain of custody and task logs (PostgreSQL has PL/pgSQL twins).
 */
public final class AppendOnlyTrigger implements Trigger {

    private String table = "this table";

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before, int type) {
        table = tableName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
}
