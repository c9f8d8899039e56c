package org.rebound.security;

import java.security.SecureRandom;
import java.util.Optional;

/** Generated passwords, and the rule a chosen password must meet. */
public final class Passwords {

    /** Shorter passwords are refused: an account of an incident system needs a strong one. */
    public static final int MIN_LENGTH = 12;
    /** Letters and digits without the look-alikes (I, l, O, 0, 1), so a password read aloud or copied by hand survives. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** 20 characters of a 57-letter alphabet: about 116 bits. */
    private static final int GENERATED_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    public static String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** Why {@code username} may not choose {@code password}, or empty when it may. */
    public static Optional<String> weakness(String username, String password) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.toLowerCase(java.util.Locale.ROOT).contains(username.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of("a password must not contain the user name");
        }
        if (password.chars().distinct().count() < 5) {
            return Optional.of("a password needs at least 5 different characters");
        }
        return Optional.empty();
    }
}
