package org.rebound.breach.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what identifies an affected person with AES-256-GCM, bound to its register and person key
 * (a sealed value moved to another row does not open). The key comes from the
 * {@code REBOUND_BREACH_KEY} environment variable (32 bytes, Base64) or from a key file created on
 * first use, readable by its owner only; keep it apart from database backups.
 */
public final class RegisterCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private RegisterCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the breach register key must be 32 bytes (256 bits), was " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key from {@code base64Key} when given, else from {@code keyFile}, created when missing. */
    public static RegisterCipher open(String base64Key, Path keyFile) {
        if (base64Key != null && !base64Key.isBlank()) {
            return new RegisterCipher(Base64.getDecoder().decode(base64Key.trim()));
        }
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile);
            }
            return new RegisterCipher(Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the breach register key " + keyFile, e);
        }
    }

    private static void create(Path keyFile) throws IOException {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        Path parent = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            Files.createFile(keyFile);
            if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // another process made it first; read theirs
        }
    }

    /** Base64 of nonce and ciphertext with tag. */
    public String seal(String plain, String boundTo) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain text, or an exception when the value was not sealed with this key for {@code boundTo}. */
    public String open(String sealed, String boundTo) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException wrongKeyOrTampered) {
            throw new IllegalStateException("a sealed register entry does not open with this key (" + boundTo
                    + "): wrong REBOUND_BREACH_KEY or key file, or the row was altered", wrongKeyOrTampered);
        }
    }
}
