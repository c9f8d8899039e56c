package org.rebound.breach;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The records of a scan on disk, one segment per input file, so memory stays bounded and a scan that
 * was interrupted resumes with the files it had finished. A segment is written under a temporary name
 * and renamed when its file has been read to the end: a file is in the spool completely or not at all.
 */
final class Spool {

    private static final int MAX_STRING = 2000;

    private final Path directory;

    Spool(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    Path directory() {
        return directory;
    }

    /** Writes one input's records; {@link #commit} makes them part of the scan. */
    final class Segment implements RecordSink, AutoCloseable {
        private final Path temporary;
        private final Path target;
        private final Path temporaryKeys;
        private final Path targetKeys;
        private final SpoolOutput out;
        private final SpoolOutput keys;
        private long count;
        private @Nullable String lastFile;

        private Segment(String name) throws IOException {
            target = directory.resolve(name + ".records");
            temporary = directory.resolve(name + ".records.partial");
            targetKeys = directory.resolve(name + ".keys");
            temporaryKeys = directory.resolve(name + ".keys.partial");
            out = new SpoolOutput(Files.newOutputStream(temporary));
            keys = new SpoolOutput(Files.newOutputStream(temporaryKeys));
        }

        @Override
        public void accept(PersonRecord record) {
            long[] hashes = record.identifiesSomebody() ? IdentityResolver.hashes(record) : null;
            write(record, hashes);
        }

        /** Writes a record read undecoded by {@link #forEachRaw}, with the numbers given to go with it. */
        synchronized void writeRaw(RawRecord record, long[] numbers) {
            try {
                if (record.file().equals(lastFile)) {
                    out.writeByte(0);
                } else {
                    out.writeByte(1);
                    out.writeString(record.file());
                    lastFile = record.file();
                }
                out.write(record.body());
                writeKeys(numbers);
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void writeKeys(long @Nullable [] hashes) throws IOException {
            keys.writeShort(hashes == null ? -1 : hashes.length);
            if (hashes != null) {
                for (long hash : hashes) {
                    keys.writeLong(hash);
                }
            }
        }

        private synchronized void write(PersonRecord record, long @Nullable [] hashes) {
            try {
                write(record);
                writeKeys(hashes);
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long count() {
            return count;
        }

        void commit() throws IOException {
            out.close();
            keys.close();
            // the keys first: a segment counts as committed when its records are there
            Files.move(temporaryKeys, targetKeys, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void close() throws IOException {
            out.close();
            keys.close();
            Files.deleteIfExists(temporary);
            Files.deleteIfExists(temporaryKeys);
        }

        private void write(PersonRecord record) throws IOException {
            String file = record.source().file();
            if (file.equals(lastFile)) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                out.writeString(file);
                lastFile = file;
            }
            out.writeLong(record.source().line());
            writeList(record.names());
            writeList(record.emails());
            writeList(record.phones());
            writeNullable(record.dateOfBirth());
            writeNullable(record.postcode());
            writeNullable(record.residence());
            writeList(record.customerIds());
            writeList(record.nationalIds());
            int categories = 0;
            for (Category category : record.categories()) {
                categories |= 1 << category.ordinal();
            }
            out.writeInt(categories);
        }

        private void writeList(List<String> values) throws IOException {
            out.writeShort(Math.min(values.size(), Short.MAX_VALUE));
            for (int i = 0; i < values.size() && i < Short.MAX_VALUE; i++) {
                out.writeString(values.get(i));
            }
        }

        private void writeNullable(@Nullable String value) throws IOException {
            out.writeBoolean(value != null);
            if (value != null) {
                out.writeString(value);
            }
        }
    }

    /**
     * Big-endian numbers and length-prefixed strings, as {@link DataInputStream} reads them, put straight
     * into a buffer: a record is some forty small writes, which through {@link DataOutputStream} and a
     * buffered stream cost more than the bytes themselves (two calls each, a lock each).
     */
    private static final class SpoolOutput implements java.io.Closeable {
        private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        private int size;
        private boolean closed;

        SpoolOutput(OutputStream out) {
            this.out = out;
        }

        void writeByte(int b) throws IOException {
            room(1);
            buffer[size++] = (byte) b;
        }

        void writeBoolean(boolean b) throws IOException {
            writeByte(b ? 1 : 0);
        }

        void writeShort(int v) throws IOException {
            room(2);
            SHORTS.set(buffer, size, (short) v);
            size += 2;
        }

        void writeInt(int v) throws IOException {
            room(4);
            INTS.set(buffer, size, v);
            size += 4;
        }

        void writeLong(long v) throws IOException {
            room(8);
            LONGS.set(buffer, size, v);
            size += 8;
        }

        void write(byte[] bytes) throws IOException {
            if (bytes.length > buffer.length - size) {
                flushBuffer();
                if (bytes.length > buffer.length) {
                    out.write(bytes);
                    return;
                }
            }
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        /** A string as {@link DataInputStream#readUnsignedShort} and {@code readFully} read it back: its UTF-8 length, then its bytes. */
        void writeString(String value) throws IOException {
            byte[] bytes = (value.length() > MAX_STRING ? value.substring(0, MAX_STRING) : value).getBytes(StandardCharsets.UTF_8);
            writeShort(bytes.length);
            write(bytes);
        }

        private void room(int bytes) throws IOException {
            if (size + bytes > buffer.length) {
                flushBuffer();
            }
        }

        private void flushBuffer() throws IOException {
            out.write(buffer, 0, size);
            size = 0;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                try (out) {
                    flushBuffer();
                }
            }
        }
    }

    Segment segment(String name) throws IOException {
        return new Segment(name);
    }

    boolean hasSegment(String name) {
        return Files.exists(directory.resolve(name + ".records"));
    }

    /**
     * The identity-key hashes of every committed record in the order of {@link #forEach}: null for a
     * record that identifies nobody.
     */
    void forEachKeys(Consumer<long[]> consumer) throws IOException {
        eachKeyEntry((length, keys) -> {
            if (length < 0) {
                consumer.accept(null);
                return;
            }
            long[] hashes = new long[length];
            for (int i = 0; i < length; i++) {
                hashes[i] = keys.readLong();
            }
            consumer.accept(hashes);
        });
    }

    /** How many committed records identify somebody, counted from the key files without reading the records. */
    int countIdentifying() throws IOException {
        int[] count = {0};
        eachKeyEntry((length, keys) -> {
            if (length >= 0) {
                count[0]++;
                keys.skipNBytes(8L * length);
            }
        });
        return count[0];
    }

    private interface KeyEntryReader {
        /** Reads (or skips) the {@code length} numbers of one entry; a negative length has none. */
        void read(int length, DataInputStream keys) throws IOException;
    }

    private void eachKeyEntry(KeyEntryReader reader) throws IOException {
        for (Path segment : segments()) {
            try (DataInputStream keys = new DataInputStream(new BufferedInputStream(Files.newInputStream(keyFile(segment)), 1 << 16))) {
                while (true) {
                    int length;
                    try {
                        length = keys.readShort();
                    } catch (EOFException end) {
                        break;
                    }
                    reader.read(length, keys);
                }
            }
        }
    }

    private static Path keyFile(Path segment) {
        return segment.resolveSibling(segment.getFileName().toString().replace(".records", ".keys"));
    }

    private List<Path> segments() throws IOException {
        List<Path> segments = new ArrayList<>();
        try (var listing = Files.list(directory)) {
            listing.filter(path -> path.getFileName().toString().endsWith(".records")).sorted().forEach(segments::add);
        }
        return segments;
    }

    /** A record as stored, undecoded after its file: copied from one spool to another without decoding its strings. */
    record RawRecord(String file, byte[] body) {

        /** The categories of the record, from the last field of its body. */
        Set<Category> categories() {
            int bits = ((body[body.length - 4] & 0xff) << 24) | ((body[body.length - 3] & 0xff) << 16)
                    | ((body[body.length - 2] & 0xff) << 8) | (body[body.length - 1] & 0xff);
            return categoriesOf(bits);
        }
    }

    /** A record with the numbers written with it: its identity-key hashes (null when it identifies nobody) or what the writer gave. */
    interface KeyedConsumer<R> {
        void accept(long @Nullable [] keys, R record) throws IOException;
    }

    /** Every committed record with its numbers, decoded, in the order of {@link #forEach}. */
    void forEachWithKeys(KeyedConsumer<PersonRecord> consumer) throws IOException {
        eachKeyed((keys, in, file) -> consumer.accept(keys, read(in, file)));
    }

    /** Every committed record with its numbers, undecoded, in the order of {@link #forEach}. */
    void forEachRaw(KeyedConsumer<RawRecord> consumer) throws IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(256);
        DataOutputStream copy = new DataOutputStream(buffer);
        byte[] bytes = new byte[1 << 16];
        eachKeyed((keys, in, file) -> {
            buffer.reset();
            copy.writeLong(in.readLong());
            for (int list = 0; list < 3; list++) {
                copyList(in, copy, bytes);
            }
            for (int nullable = 0; nullable < 3; nullable++) {
                boolean present = in.readBoolean();
                copy.writeBoolean(present);
                if (present) {
                    copyString(in, copy, bytes);
                }
            }
            copyList(in, copy, bytes);
            copyList(in, copy, bytes);
            copy.writeInt(in.readInt());
            copy.flush();
            consumer.accept(keys, new RawRecord(file, buffer.toByteArray()));
        });
    }

    private interface RecordReader {
        void read(long @Nullable [] keys, DataInputStream in, String file) throws IOException;
    }

    /** Reads each segment's key file and record file in step. */
    private void eachKeyed(RecordReader reader) throws IOException {
        for (Path segment : segments()) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(segment), 1 << 16));
                    DataInputStream keys = new DataInputStream(new BufferedInputStream(Files.newInputStream(keyFile(segment)), 1 << 16))) {
                String file = null;
                while (true) {
                    int marker;
                    try {
                        marker = in.readByte();
                    } catch (EOFException end) {
                        break;
                    }
                    if (marker == 1) {
                        file = readString(in);
                    }
                    if (file == null) {
                        throw new IOException("corrupt spool segment " + segment + ": record without a file");
                    }
                    int length = keys.readShort();
                    long[] numbers = null;
                    if (length >= 0) {
                        numbers = new long[length];
                        for (int i = 0; i < length; i++) {
                            numbers[i] = keys.readLong();
                        }
                    }
                    reader.read(numbers, in, file);
                }
            }
        }
    }

    private static void copyList(DataInputStream in, DataOutputStream out, byte[] bytes) throws IOException {
        int size = in.readShort();
        out.writeShort(size);
        for (int i = 0; i < size; i++) {
            copyString(in, out, bytes);
        }
    }

    private static void copyString(DataInputStream in, DataOutputStream out, byte[] bytes) throws IOException {
        int length = in.readUnsignedShort();
        out.writeShort(length);
        in.readFully(bytes, 0, length);
        out.write(bytes, 0, length);
    }

    /** Every committed record, segment by segment in name order, the same order on every pass. */
    void forEach(Consumer<PersonRecord> consumer) throws IOException {
        eachKeyed((keys, in, file) -> consumer.accept(read(in, file)));
    }

    private static PersonRecord read(DataInputStream in, String file) throws IOException {
        long line = in.readLong();
        List<String> names = readList(in);
        List<String> emails = readList(in);
        List<String> phones = readList(in);
        String dateOfBirth = readNullable(in);
        String postcode = readNullable(in);
        String residence = readNullable(in);
        List<String> customerIds = readList(in);
        List<String> nationalIds = readList(in);
        Set<Category> categories = categoriesOf(in.readInt());
        return new PersonRecord(new Source(file, line), names, emails, phones, dateOfBirth, postcode, residence,
                customerIds, nationalIds, categories);
    }

    private static Set<Category> categoriesOf(int bits) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (Category category : Category.values()) {
            if ((bits & (1 << category.ordinal())) != 0) {
                categories.add(category);
            }
        }
        return categories;
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int size = in.readShort();
        if (size == 0) {
            return List.of();
        }
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readString(in));
        }
        return values;
    }

    private static @Nullable String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readUnsignedShort()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
