package org.rebound.incident;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cryptocurrency addresses seen in ransom notes: Bitcoin (legacy Base58Check, with its checksum
 * verified, and SegWit Bech32/Bech32m, with its checksum verified), Ethereum, and Monero.
 */
final class Wallets {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final Pattern LEGACY_BITCOIN = Pattern.compile("[13][" + BASE58 + "]{25,34}");
    private static final Pattern ETHEREUM = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern MONERO = Pattern.compile("[48][" + BASE58 + "]{94}");
    private static final int BECH32_CONSTANT = 1;
    private static final int BECH32M_CONSTANT = 0x2bc830a3;

    private Wallets() {
    }

    static boolean isWallet(String value) {
        return ETHEREUM.matcher(value).matches() || MONERO.matcher(value).matches()
                || LEGACY_BITCOIN.matcher(value).matches() && base58CheckValid(value)
                || isSegwitAddress(value);
    }

    private static boolean base58CheckValid(String value) {
        BigInteger number = BigInteger.ZERO;
        for (char c : value.toCharArray()) {
            number = number.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(BASE58.indexOf(c)));
        }
        byte[] bytes = number.toByteArray();
        int leadingZeros = 0;
        while (leadingZeros < value.length() && value.charAt(leadingZeros) == '1') {
            leadingZeros++;
        }
        byte[] stripped = bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
        byte[] decoded = new byte[leadingZeros + stripped.length];
        System.arraycopy(stripped, 0, decoded, leadingZeros, stripped.length);
        if (decoded.length != 25) {
            return false;
        }
        byte[] checksum = sha256(sha256(Arrays.copyOf(decoded, 21)));
        return Arrays.equals(Arrays.copyOf(checksum, 4), Arrays.copyOfRange(decoded, 21, 25));
    }

    private static boolean isSegwitAddress(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.equals(value) && !value.toUpperCase(Locale.ROOT).equals(value)) {
            return false;
        }
        if (!lower.startsWith("bc1") || lower.length() < 14 || lower.length() > 74) {
            return false;
        }
        String data = lower.substring(3);
        int[] values = new int[data.length()];
        for (int i = 0; i < data.length(); i++) {
            values[i] = BECH32.indexOf(data.charAt(i));
            if (values[i] < 0) {
                return false;
            }
        }
        int checksum = polymod(expandedPrefix("bc"), values);
        return values[0] == 0 ? checksum == BECH32_CONSTANT : checksum == BECH32M_CONSTANT;
    }

    private static int[] expandedPrefix(String prefix) {
        int[] expanded = new int[prefix.length() * 2 + 1];
        for (int i = 0; i < prefix.length(); i++) {
            expanded[i] = prefix.charAt(i) >> 5;
            expanded[i + prefix.length() + 1] = prefix.charAt(i) & 31;
        }
        return expanded;
    }

    private static int polymod(int[] prefix, int[] data) {
        int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int checksum = 1;
        for (int[] part : new int[][] {prefix, data}) {
            for (int value : part) {
                int top = checksum >>> 25;
                checksum = (checksum & 0x1ffffff) << 5 ^ value;
                for (int i = 0; i < 5; i++) {
                    if ((top >>> i & 1) == 1) {
                        checksum ^= generator[i];
                    }
                }
            }
        }
        return checksum;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
