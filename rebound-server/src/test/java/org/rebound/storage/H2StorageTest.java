package org.rebound.storage;

import javax.sql.DataSource;

class H2StorageTest extends StorageContract {

    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshH2();
    }
}
