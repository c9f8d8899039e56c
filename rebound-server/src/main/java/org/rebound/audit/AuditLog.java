package org.rebound.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.storage.Rows;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appends to, reads and verifies the audit log. Each entry is numbered and chained by hash to the
 * previous one ({@link AuditChain}); the head of the chain is kept in {@code audit_head} and locked
 * while an entry is appended, so concurrent writers, even in other processes, form one chain. There
 * is deliberately no way to change or remove an entry, and the database refuses it too.
 */
public final class AuditLog {

    /** One recorded change. */
    public record Entry(long seq, Instant at, String actor, String action, String target, String detail) {
    }

    /** A change to record. */
    public record Change(Instant at, String actor, String action, String target, String detail) {
    }

    /**
     * The outcome of checking the whole chain.
     *
     * @param firstBroken the sequence number of the first entry that does not fit the chain, or null
     *                    when the chain is intact
     */
    public record Verification(long entries, String head, @Nullable Long firstBroken, @Nullable String problem) {
        public boolean intact() {
            return firstBroken == null;
        }
    }

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a change; call in the same transaction as the change itself. */
    public void record(Instant at, String actor, String action, String target, String detail) {
        recordAll(List.of(new Change(at, actor, action, target, detail)));
    }

    /** Records several changes in order, chaining them under one lock of the head; call inside a transaction. */
    public void recordAll(List<Change> changes) {
        var head = jdbc.sql("select seq, hash from audit_head where id = 1 for update")
                .query((row, number) -> new Object[] {row.getLong("seq"), row.getString("hash")})
                .single();
        long seq = (Long) head[0];
        String previous = (String) head[1];
        for (Change change : changes) {
            seq++;
            Instant at = AuditChain.precise(change.at());
            String hash = AuditChain.hash(seq, at, change.actor(), change.action(), change.target(), change.detail(), previous);
            jdbc.sql("""
                            insert into audit_log (seq, at, actor, action, target, detail, prev_hash, hash)
                            values (:seq, :at, :actor, :action, :target, :detail, :previous, :hash)""")
                    .param("seq", seq)
                    .param("at", Rows.timestamp(at))
                    .param("actor", change.actor())
                    .param("action", change.action())
                    .param("target", change.target())
                    .param("detail", change.detail())
                    .param("previous", previous)
                    .param("hash", hash)
                    .update();
            previous = hash;
        }
        jdbc.sql("update audit_head set seq = :seq, hash = :hash where id = 1").param("seq", seq).param("hash", previous).update();
    }

    /** The latest {@code limit} entries, newest first. */
    public List<Entry> latest(int limit) {
        return jdbc.sql("select seq, at, actor, action, target, detail from audit_log order by seq desc limit :limit")
                .param("limit", limit)
                .query((row, number) -> new Entry(row.getLong("seq"), Rows.instant(row, "at"), row.getString("actor"),
                        row.getString("action"), row.getString("target"), row.getString("detail")))
                .list();
    }

    /**
     * Recomputes the whole chain from the first entry, streaming, and reports the first entry whose
     * number, link or hash is wrong, or a head that does not match the last entry.
     */
    public Verification verify() {
        ChainWalk walk = new ChainWalk();
        jdbc.sql("select seq, at, actor, action, target, detail, prev_hash, hash from audit_log order by seq")
                .withFetchSize(10_000)
                .query((RowCallbackHandler) row -> walk.next(row.getLong("seq"), Rows.instant(row, "at"), row.getString("actor"),
                        row.getString("action"), row.getString("target"), row.getString("detail"),
                        row.getString("prev_hash"), row.getString("hash")));
        var head = jdbc.sql("select seq, hash from audit_head where id = 1")
                .query((row, number) -> new Object[] {row.getLong("seq"), row.getString("hash")})
                .single();
        if (walk.firstBroken == null && ((Long) head[0] != walk.count || !head[1].equals(walk.previous))) {
            return new Verification(walk.count, walk.previous, walk.count + 1,
                    "the chain ends at entry " + walk.count + " but its head says " + head[0] + ": entries were removed from the end");
        }
        return new Verification(walk.count, walk.previous, walk.firstBroken, walk.problem);
    }

    /** Walks entries in order, remembering the first that breaks the chain. */
    private static final class ChainWalk {
        long count;
        String previous = AuditChain.GENESIS;
        @Nullable Long firstBroken;
        @Nullable String problem;

        void next(long seq, Instant at, String actor, String action, String target, String detail, String storedPrevious,
                  String storedHash) {
            count++;
            if (firstBroken != null) {
                return;
            }
            if (seq != count) {
                broken(count, "entry " + count + " is missing (the next entry is " + seq + ")");
            } else if (!storedPrevious.equals(previous)) {
                broken(seq, "entry " + seq + " does not link to the entry before it");
            } else if (!AuditChain.hash(seq, at, actor, action, target, detail, previous).equals(storedHash)) {
                broken(seq, "entry " + seq + " was changed after it was written");
            }
            previous = storedHash;
        }

        private void broken(long seq, String reason) {
            firstBroken = seq;
            problem = reason;
        }
    }
}
