package org.rebound.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2 trigger refusing updates and deletes of audit log entries (PostgreSQL has a PL/pgSQL twin). */
public final class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the audit log is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
}
