package org.rebound.incident.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The evidence locker on disk: files are streamed in (any size, constant memory) while their SHA-256
 * is computed, then kept under their hash, so a file uploaded twice is stored once and a stored file
 * can be checked against its hash at any time.
 */
public final class EvidenceFiles {

    /** A file in the locker. */
    public record Kept(String sha256, long sizeBytes, Path path) {
    }

    private final Path directory;

    public EvidenceFiles(Path directory) {
        this.directory = directory;
    }

    public Kept keep(InputStream content) throws IOException {
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, "upload-", ".partial");
        try {
            MessageDigest sha256 = sha256();
            long size;
            try (DigestInputStream in = new DigestInputStream(content, sha256); OutputStream out = Files.newOutputStream(partial)) {
                size = in.transferTo(out);
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            Path kept = directory.resolve(hash);
            if (Files.exists(kept)) {
                Files.delete(partial);
            } else {
                Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE);
                kept.toFile().setReadOnly();
            }
            return new Kept(hash, size, kept);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The file with this hash, if the locker holds it. */
    public Optional<Path> find(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path path = directory.resolve(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    public Path directory() {
        return directory;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
