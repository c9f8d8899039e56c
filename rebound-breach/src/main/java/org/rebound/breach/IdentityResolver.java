package org.rebound.breach;

import java.util.Arrays;
import java.util.List;

/**
 * Merges records that share an identity key into people, by union-find over record ordinals with the
 * keys in an open-addressing table of their 128-bit hashes. Each person's key is the smallest key
 * hash among its records (the high 64 bits), so it depends only on which records were merged, not on
 * the order they came in: the single-machine scan and the Spark job name people alike.
 *
 * <p>Add every record with {@link #add}, then ask {@link #personOf}. Not thread-safe.
 */
public final class IdentityResolver {

    private int[] parent = new int[1024];
    private long[] smallestKey = new long[1024];
    private int records;

    private long[] tableHi = new long[1 << 12];
    private long[] tableLo = new long[1 << 12];
    private int[] tableRecord = new int[1 << 12];
    private int keys;

    public IdentityResolver() {
        Arrays.fill(tableRecord, -1);
    }

    /**
     * Adds a record with its identity keys; a record without keys is a person of its own, named by
     * {@code fallbackKey} (its source). Returns the record's ordinal.
     */
    public int add(List<String> identityKeys, String fallbackKey) {
        int record = records++;
        if (record == parent.length) {
            parent = Arrays.copyOf(parent, parent.length * 2);
            smallestKey = Arrays.copyOf(smallestKey, smallestKey.length * 2);
        }
        parent[record] = record;
        long smallest = -1L; // the largest unsigned value
        if (identityKeys.isEmpty()) {
            smallest = KeyHash.of("record:" + fallbackKey)[0];
        }
        for (String key : identityKeys) {
            long[] hash = KeyHash.of(key);
            if (Long.compareUnsigned(hash[0], smallest) < 0) {
                smallest = hash[0];
            }
            int other = putIfAbsent(hash[0], hash[1], record);
            if (other != record) {
                union(record, other);
            }
        }
        smallestKey[record] = smallest;
        return record;
    }

    public int records() {
        return records;
    }

    /** Prepares {@link #personOf}: call once after the last {@link #add}. */
    public void finish() {
        for (int record = 0; record < records; record++) {
            int root = find(record);
            if (Long.compareUnsigned(smallestKey[record], smallestKey[root]) < 0) {
                smallestKey[root] = smallestKey[record];
            }
        }
        // the hash table is no longer needed; let it go before the register is built
        tableHi = new long[0];
        tableLo = new long[0];
        tableRecord = new int[0];
    }

    /** The person key of a record: the same for every record of one person. */
    public long personOf(int record) {
        return smallestKey[find(record)];
    }

    public static String format(long personKey) {
        return "p-" + String.format("%016x", personKey);
    }

    private int find(int record) {
        int current = record;
        while (parent[current] != current) {
            parent[current] = parent[parent[current]];
            current = parent[current];
        }
        return current;
    }

    private void union(int a, int b) {
        int rootA = find(a);
        int rootB = find(b);
        if (rootA != rootB) {
            if (rootA < rootB) {
                parent[rootB] = rootA;
            } else {
                parent[rootA] = rootB;
            }
        }
    }

    private int putIfAbsent(long hi, long lo, int record) {
        if ((keys + 1) * 2 > tableRecord.length) {
            grow();
        }
        int mask = tableRecord.length - 1;
        int slot = (int) (hi ^ (hi >>> 32)) & mask;
        while (tableRecord[slot] >= 0) {
            if (tableHi[slot] == hi && tableLo[slot] == lo) {
                return tableRecord[slot];
            }
            slot = (slot + 1) & mask;
        }
        tableHi[slot] = hi;
        tableLo[slot] = lo;
        tableRecord[slot] = record;
        keys++;
        return record;
    }

    private void grow() {
        long[] oldHi = tableHi;
        long[] oldLo = tableLo;
        int[] oldRecord = tableRecord;
        int capacity = oldRecord.length * 2;
        tableHi = new long[capacity];
        tableLo = new long[capacity];
        tableRecord = new int[capacity];
        Arrays.fill(tableRecord, -1);
        int mask = capacity - 1;
        for (int i = 0; i < oldRecord.length; i++) {
            if (oldRecord[i] >= 0) {
                int slot = (int) (oldHi[i] ^ (oldHi[i] >>> 32)) & mask;
                while (tableRecord[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                tableHi[slot] = oldHi[i];
                tableLo[slot] = oldLo[i];
                tableRecord[slot] = oldRecord[i];
            }
        }
    }
}
