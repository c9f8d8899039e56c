package org.rebound.storage;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class PostgresStorageTest extends StorageContract {

    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshPostgres();
    }

    @Override
    protected void disableAppendOnlyGuard(JdbcClient jdbc) {
        jdbc.sql("alter table audit_log disable trigger audit_log_append_only").update();
    }
}
