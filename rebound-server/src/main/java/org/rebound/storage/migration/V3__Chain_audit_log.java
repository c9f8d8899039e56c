package org.rebound.storage.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.rebound.audit.AuditChain;

/**
 * Makes the audit log tamper-evident: numbers every entry and chains it to the previous one by
 * hash, including the entries written before this version, and keeps the head of the chain in
 * {@code audit_head}.
 */
public class V3__Chain_audit_log extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table audit_log add column seq bigint");
            statement.execute("alter table audit_log add column prev_hash char(64)");
            statement.execute("alter table audit_log add column hash char(64)");
            statement.execute("create table audit_head (id int primary key, seq bigint not null, hash char(64) not null)");
        }
        long seq = 0;
        String previous = AuditChain.GENESIS;
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("select id, at, actor, action, target, detail from audit_log order by id");
             PreparedStatement update = connection.prepareStatement("update audit_log set seq = ?, prev_hash = ?, hash = ? where id = ?")) {
            while (rows.next()) {
                seq++;
                OffsetDateTime at = rows.getObject("at", OffsetDateTime.class);
                String hash = AuditChain.hash(seq, at.toInstant(), rows.getString("actor"), rows.getString("action"),
                        rows.getString("target"), rows.getString("detail"), previous);
                update.setLong(1, seq);
                update.setString(2, previous);
                update.setString(3, hash);
                update.setLong(4, rows.getLong("id"));
                update.executeUpdate();
                previous = hash;
            }
        }
        try (PreparedStatement head = connection.prepareStatement("insert into audit_head (id, seq, hash) values (1, ?, ?)");
             Statement statement = connection.createStatement()) {
            head.setLong(1, seq);
            head.setString(2, previous);
            head.executeUpdate();
            statement.execute("alter table audit_log alter column seq set not null");
            statement.execute("alter table audit_log alter column prev_hash set not null");
            statement.execute("alter table audit_log alter column hash set not null");
            statement.execute("create unique index audit_log_by_seq on audit_log (seq)");
        }
    }

}
