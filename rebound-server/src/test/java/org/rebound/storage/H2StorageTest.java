package org.rebound.storage;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class H2StorageTest extends StorageContract {

    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshH2();
    }

    @Override
    protected void disableAppendOnlyGuard(JdbcClient jdbc) {
        jdbc.sql("drop trigger audit_log_append_only").update();
    }
}
