package org.rebound.storage;

import javax.sql.DataSource;

class PostgresStorageTest extends StorageContract {

    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshPostgres();
    }
}
