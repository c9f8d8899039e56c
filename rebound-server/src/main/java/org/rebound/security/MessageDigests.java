package org.rebound.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparisons of secrets in constant time. */
final class MessageDigests {

    private MessageDigests() {
    }

    static boolean equal(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
