package org.rebound.breach;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Merges records that share an identity key into people, by union-find over record ordinals.
 *
 * <p>Keys are held as 128-bit hashes. So that memory does not grow with the number of keys (a large
 * breach has tens of millions), each key goes to one of {@value #PARTITIONS} partition files by its
 * hash; {@link #finish} then takes the partitions one at a time, finds the records that share a key
 * with an open-addressing table of that partition alone, and unites them. What stays in memory is
 * two arrays over the records.
 *
 * <p>Each person's key is the smallest key hash among its records (the high 64 bits, mixed once more),
 * so it depends only on which records were merged, not on the order they came in: the single-machine
 * scan and the Spark job name people alike.
 *
 * <p>Add every record with {@link #add}, call {@link #finish}, then ask {@link #personOf}. Not
 * thread-safe.
 */
public final class IdentityResolver implements AutoCloseable {

    static final int PARTITIONS = 64;
    /** Marks a record's own key: it names the record's person but never merges it with another. */
    private static final long FALLBACK = 0x5265626f756e6421L;

    private final Path directory;
    private final DataOutputStream[] partitions = new DataOutputStream[PARTITIONS];
    private final long[] partitionSizes = new long[PARTITIONS];
    private int[] parent;
    private long[] smallestKey;
    private int records;
    private boolean finished;

    /**
     * Keeps its partition files in {@code directory}, which must exist; they are removed by {@link #finish}.
     * Sized for {@code expectedRecords} (more are taken, at the cost of growing): at tens of millions of
     * records, growing by copying would need twice the memory.
     */
    public IdentityResolver(Path directory, int expectedRecords) {
        this.directory = directory;
        int capacity = Math.max(16, expectedRecords);
        this.parent = new int[capacity];
        this.smallestKey = new long[capacity];
    }

    /**
     * The 128-bit hashes ({hi, lo} pairs) of a record's identity keys, or of its fallback key when it
     * has none; computed where the record is found, so that hashing runs on every scanning thread.
     */
    public static long[] hashes(List<String> identityKeys, String fallbackKey) {
        if (identityKeys.isEmpty()) {
            return ownKey(fallbackKey);
        }
        long[] hashes = new long[identityKeys.size() * 2];
        for (int i = 0; i < identityKeys.size(); i++) {
            long[] hash = KeyHash.of(identityKeys.get(i));
            hashes[2 * i] = hash[0];
            hashes[2 * i + 1] = hash[1];
        }
        return hashes;
    }

    /** Whether {@link #hashes} gave a record's own key, which names its person but merges with nothing. */
    public static boolean isOwnKey(long[] hashes) {
        return hashes.length == 2 && hashes[1] == FALLBACK;
    }

    /** The smallest high half among a record's key hashes, unsigned: a person's key is the smallest of its records'. */
    public static long smallest(long[] hashes) {
        long smallest = -1L;
        for (int i = 0; i < hashes.length; i += 2) {
            if (Long.compareUnsigned(hashes[i], smallest) < 0) {
                smallest = hashes[i];
            }
        }
        return smallest;
    }

    /** The person key of a person whose records' {@link #smallest} hashes have {@code smallest} as their minimum. */
    public static long personKey(long smallest) {
        return KeyHash.mix(smallest);
    }

    /** The hashes that identify a record: its keys, or when it has none, its source and names. */
    public static long[] hashes(PersonRecord record) {
        KeyHashes hashes = new KeyHashes();
        record.forEachIdentityKey(hashes);
        return hashes.size == 0 ? ownKey(record.source() + "|" + record.names()) : Arrays.copyOf(hashes.hashes, hashes.size);
    }

    /** The key of a record that has none of its own: it names the record's person but merges with nothing. */
    private static long[] ownKey(String fallbackKey) {
        long[] hash = KeyHash.of("record:" + fallbackKey);
        return new long[] {hash[0], FALLBACK};
    }

    /** Hashes identity keys as they are given in parts. */
    private static final class KeyHashes implements PersonRecord.KeyParts {
        private long[] hashes = new long[8];
        private int size;

        @Override
        public void accept(String kind, String value, @Nullable String qualifier) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            KeyHash.of(kind, value, qualifier, hashes, size);
            size += 2;
        }
    }

    /** Adds a record with its identity keys ({@link #hashes}); returns the record's ordinal. */
    public int add(List<String> identityKeys, String fallbackKey) {
        return add(hashes(identityKeys, fallbackKey));
    }

    /** Adds a record by the hashes {@link #hashes} gave for it. Returns the record's ordinal. */
    public int add(long[] hashes) {
        if (finished) {
            throw new IllegalStateException("records cannot be added after finish()");
        }
        int record = records++;
        if (record == parent.length) {
            parent = Arrays.copyOf(parent, parent.length * 2);
            smallestKey = Arrays.copyOf(smallestKey, smallestKey.length * 2);
        }
        parent[record] = record;
        if (!isOwnKey(hashes)) {
            for (int i = 0; i < hashes.length; i += 2) {
                spill(hashes[i], hashes[i + 1], record);
            }
        }
        smallestKey[record] = smallest(hashes);
        return record;
    }

    public int records() {
        return records;
    }

    /** Unites the records that share keys, partition by partition; call once after the last {@link #add}. */
    public void finish() {
        finished = true;
        try {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                if (partitions[partition] != null) {
                    partitions[partition].close();
                    partitions[partition] = null;
                    unitePartition(partition);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the identity-key partitions in " + directory, e);
        }
        for (int record = 0; record < records; record++) {
            int root = find(record);
            if (Long.compareUnsigned(smallestKey[record], smallestKey[root]) < 0) {
                smallestKey[root] = smallestKey[record];
            }
        }
        // The smallest of several hashes is skewed low; mixed again, person keys spread evenly over the
        // key space, so the register passes that split it into ranges get equal shares.
        for (int record = 0; record < records; record++) {
            if (parent[record] == record) {
                smallestKey[record] = personKey(smallestKey[record]);
            }
        }
    }

    /** The person key of a record: the same for every record of one person. */
    public long personOf(int record) {
        return smallestKey[find(record)];
    }

    public static String format(long personKey) {
        String hex = Long.toHexString(personKey);
        return "p-" + "0".repeat(16 - hex.length()) + hex;
    }

    /** Removes partition files left by a resolution that did not finish. */
    @Override
    public void close() {
        for (int partition = 0; partition < PARTITIONS; partition++) {
            try {
                if (partitions[partition] != null) {
                    partitions[partition].close();
                }
                Files.deleteIfExists(partitionFile(partition));
            } catch (IOException ignored) {
                // a temporary file in the scan's work directory, which the scan removes as a whole
            }
        }
    }

    private void spill(long hi, long lo, int record) {
        int partition = (int) (lo >>> 58);
        try {
            if (partitions[partition] == null) {
                partitions[partition] = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(partitionFile(partition)), 1 << 15));
            }
            partitions[partition].writeLong(hi);
            partitions[partition].writeLong(lo);
            partitions[partition].writeInt(record);
            partitionSizes[partition]++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write identity keys to " + directory, e);
        }
    }

    private Path partitionFile(int partition) {
        return directory.resolve("keys-" + partition + ".part");
    }

    private void unitePartition(int partition) throws IOException {
        long size = partitionSizes[partition];
        if (size > Integer.MAX_VALUE / 4) {
            throw new IllegalStateException("too many identity keys in one partition: " + size);
        }
        int capacity = Integer.highestOneBit((int) Math.max(16, size * 2 - 1)) << 1;
        long[] tableHi = new long[capacity];
        long[] tableLo = new long[capacity];
        int[] tableRecord = new int[capacity];
        Arrays.fill(tableRecord, -1);
        int mask = capacity - 1;
        Path file = partitionFile(partition);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (long entry = 0; entry < size; entry++) {
                long hi = in.readLong();
                long lo = in.readLong();
                int record = in.readInt();
                int slot = (int) (hi ^ (hi >>> 32)) & mask;
                while (tableRecord[slot] >= 0 && (tableHi[slot] != hi || tableLo[slot] != lo)) {
                    slot = (slot + 1) & mask;
                }
                if (tableRecord[slot] < 0) {
                    tableHi[slot] = hi;
                    tableLo[slot] = lo;
                    tableRecord[slot] = record;
                } else {
                    union(record, tableRecord[slot]);
                }
            }
        }
        Files.delete(file);
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
}
