package org.rebound.breach;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * 128-bit MurmurHash3 (x64 variant) of identity keys. Keys are held as their hash so that tens of
 * millions fit in primitive arrays; at 128 bits an accidental merge of two people is as unlikely as a
 * collision of random UUIDs.
 */
final class KeyHash {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    /** Where keys are put together before hashing: hashing runs for every key of every record found. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[256]);

    private KeyHash() {
    }

    /** {hi, lo} of the key's UTF-8 bytes. */
    static long[] of(String key) {
        long[] hash = new long[2];
        byte[] data = key.getBytes(StandardCharsets.UTF_8);
        hash(data, data.length, hash, 0);
        return hash;
    }

    /**
     * Puts the hash of the key {@code kind:value} or {@code kind:value|qualifier} into {@code into}
     * at {@code at} and {@code at + 1}, the same hash as {@link #of(String)} of that key, without building it.
     */
    static void of(String kind, String value, @Nullable String qualifier, long[] into, int at) {
        // String.getBytes is an intrinsic far faster than encoding char by char; the parts are joined
        // by separators, so their bytes joined are the key's
        byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
        byte[] qualifierBytes = qualifier == null ? null : qualifier.getBytes(StandardCharsets.UTF_8);
        int length = kind.length() + 1 + valueBytes.length + (qualifierBytes == null ? 0 : 1 + qualifierBytes.length);
        byte[] data = SCRATCH.get();
        if (data.length < length) {
            data = new byte[Math.max(length, 2 * data.length)];
            SCRATCH.set(data);
        }
        int end = putAscii(kind, data);
        data[end++] = ':';
        System.arraycopy(valueBytes, 0, data, end, valueBytes.length);
        end += valueBytes.length;
        if (qualifierBytes != null) {
            data[end++] = '|';
            System.arraycopy(qualifierBytes, 0, data, end, qualifierBytes.length);
            end += qualifierBytes.length;
        }
        hash(data, end, into, at);
    }

    /** Writes a kind of key (ASCII, such as {@code name-dob}) at the start of {@code data}; the index after it. */
    private static int putAscii(String kind, byte[] data) {
        for (int i = 0; i < kind.length(); i++) {
            data[i] = (byte) kind.charAt(i);
        }
        return kind.length();
    }

    /** MurmurHash3 x64 128 of {@code data}'s first {@code length} bytes, into {@code into} at {@code at}. */
    private static void hash(byte[] data, int length, long[] into, int at) {
        long h1 = 0x9368e53c2f6af274L;
        long h2 = 0x586dcd208f7cd3fdL;
        int blocks = length / 16;
        for (int i = 0; i < blocks; i++) {
            long k1 = littleEndian(data, i * 16);
            long k2 = littleEndian(data, i * 16 + 8);
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        long k1 = 0;
        long k2 = 0;
        int tail = blocks * 16;
        for (int i = length - 1; i >= tail; i--) {
            int offset = i - tail;
            long b = data[i] & 0xffL;
            if (offset >= 8) {
                k2 |= b << ((offset - 8) * 8);
            } else {
                k1 |= b << (offset * 8);
            }
        }
        if (k2 != 0) {
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
        }
        if (k1 != 0) {
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = mix(h1);
        h2 = mix(h2);
        h1 += h2;
        h2 += h1;
        into[at] = h1;
        into[at + 1] = h2;
    }

    private static long littleEndian(byte[] data, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (data[offset + i] & 0xffL);
        }
        return value;
    }

    /** MurmurHash3's 64-bit finaliser: a bijection that spreads any bit change over all bits. */
    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
