package org.rebound.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rebound.audit.AuditLog;
import org.rebound.storage.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

class AdminAccountTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private UserStore users;
    private AuditLog audit;
    private AdminAccount admin;

    @BeforeEach
    void emptyDatabase() {
        DataSource database = TestDatabases.freshH2();
        JdbcClient jdbc = JdbcClient.create(database);
        users = new UserStore(jdbc);
        audit = new AuditLog(jdbc);
        admin = new AdminAccount(users, audit, encoder, new TransactionTemplate(new DataSourceTransactionManager(database)),
                Clock.systemUTC());
    }

    @Test
    void theFirstStartCreatesTheAdministratorWithARandomPasswordShownOnce() {
        String password = admin.createIfNoAccounts(null).orElseThrow();

        assertThat(password).hasSize(20).matches("[A-Za-z2-9]+");
        var account = users.find(AdminAccount.USERNAME).orElseThrow();
        assertThat(account.roles()).contains(Role.ADMIN);
        assertThat(encoder.matches(password, account.passwordHash())).isTrue();
        assertThat(account.passwordHash()).startsWith("{bcrypt}").doesNotContain(password);
        assertThat(audit.latest(1).get(0).action()).isEqualTo("user.create");
        assertThat(admin.createIfNoAccounts(null)).as("never again once accounts exist").isEmpty();
    }

    @Test
    void twoInstallationsNeverShareAPassword() {
        String first = admin.createIfNoAccounts(null).orElseThrow();
        String second = admin.resetPassword("ops");

        assertThat(second).isNotEqualTo(first);
        assertThat(encoder.matches(first, users.find(AdminAccount.USERNAME).orElseThrow().passwordHash())).isFalse();
    }

    @Test
    void aSuppliedPasswordIsUsedButNotShownAndMustBeLong() {
        assertThatIllegalArgumentException().isThrownBy(() -> admin.createIfNoAccounts("short"))
                .withMessageContaining("at least 12 characters");
        assertThat(users.count()).isZero();

        assertThat(admin.createIfNoAccounts("correct horse battery staple")).isEmpty();
        assertThat(encoder.matches("correct horse battery staple", users.find("admin").orElseThrow().passwordHash())).isTrue();
    }
}
