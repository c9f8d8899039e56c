package org.rebound.breach;

/**
 * UTF-8 encoding into a buffer the caller keeps: the bytes {@link String#getBytes} gives for
 * {@code UTF-8}, without allocating them for every value of every record.
 */
final class Utf8 {

    private Utf8() {
    }

    /** The most bytes the first {@code length} characters of a text can take. */
    static int maxBytes(int length) {
        return 3 * length;
    }

    /**
     * Writes the UTF-8 bytes of {@code text.substring(0, length)} into {@code into} from {@code at}
     * (which must have room for {@link #maxBytes} of them) and returns the index after them. A lone
     * surrogate becomes {@code ?}, as in {@link String#getBytes}.
     */
    static int encode(String text, int length, byte[] into, int at) {
        int end = at;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                into[end++] = (byte) c;
            } else if (c < 0x800) {
                into[end++] = (byte) (0xc0 | c >> 6);
                into[end++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                into[end++] = (byte) (0xf0 | codePoint >> 18);
                into[end++] = (byte) (0x80 | codePoint >> 12 & 0x3f);
                into[end++] = (byte) (0x80 | codePoint >> 6 & 0x3f);
                into[end++] = (byte) (0x80 | codePoint & 0x3f);
            } else if (Character.isSurrogate(c)) {
                into[end++] = '?';
            } else {
                into[end++] = (byte) (0xe0 | c >> 12);
                into[end++] = (byte) (0x80 | c >> 6 & 0x3f);
                into[end++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return end;
    }
}
