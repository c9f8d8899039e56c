package org.rebound.breach;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Which character encoding a text file uses: a byte-order mark decides; without one, zero bytes in
 * alternate positions mean UTF-16, bytes that decode as UTF-8 mean UTF-8, and anything else is taken
 * as Windows-1252 (which decodes every byte, so a scan never fails on encoding).
 */
final class Encodings {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SAMPLE = 64 * 1024;

    /** The encoding, and how many bytes of byte-order mark to skip. */
    record Detected(Charset charset, int bomLength) {
    }

    private Encodings() {
    }

    /** Looks at the head of {@code in} without consuming it. */
    static Detected detect(BufferedInputStream in) throws IOException {
        in.mark(SAMPLE);
        byte[] head = in.readNBytes(SAMPLE);
        in.reset();
        return detect(head, head.length);
    }

    static Detected detect(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                if (i % 2 == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        if (length >= 4 && oddZeros > length / 4 && evenZeros < length / 50) {
            return new Detected(StandardCharsets.UTF_16LE, 0);
        }
        if (length >= 4 && evenZeros > length / 4 && oddZeros < length / 50) {
            return new Detected(StandardCharsets.UTF_16BE, 0);
        }
        return new Detected(isUtf8(head, length) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
    }

    /** Whether the bytes contain a NUL that no text encoding detected here would produce. */
    static boolean looksBinary(byte[] head, int length, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE)) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUtf8(byte[] head, int length) {
        // a multi-byte character may be cut at the end of the sample; do not hold that against it
        int end = length;
        for (int back = 1; back <= 3 && length - back >= 0; back++) {
            int b = head[length - back] & 0xff;
            if (b >= 0xC0) {
                end = length - back;
                break;
            }
            if (b < 0x80) {
                break;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
}
