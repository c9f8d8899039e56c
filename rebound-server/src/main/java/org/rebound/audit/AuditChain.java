package org.rebound.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain of the audit log: each entry's hash covers its sequence number, content and the
 * previous entry's hash, so that changing, removing or reordering any entry breaks every hash after
 * it. Fields are length-prefixed so that no two different entries encode alike.
 */
public final class AuditChain {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(long seq, Instant at, String actor, String action, String target, String detail, String previous) {
        MessageDigest digest = sha256();
        update(digest, Long.toString(seq));
        update(digest, precise(at).toString());
        update(digest, actor);
        update(digest, action);
        update(digest, target);
        update(digest, detail);
        update(digest, previous);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Instants as the databases keep them: to the microsecond. */
    public static Instant precise(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static void update(MessageDigest digest, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", missing);
        }
    }
}
