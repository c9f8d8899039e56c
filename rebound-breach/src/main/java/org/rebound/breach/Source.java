package org.rebound.breach;

/**
 * Where a record was found: the file (for archive members {@code archive.zip!/member.csv}, for a
 * sheet or table {@code book.xlsx#Sheet1}) and the line or row it starts on (1-based).
 */
public record Source(String file, long line) implements java.io.Serializable {

    public Source {
        if (file.isBlank()) {
            throw new IllegalArgumentException("a source needs a file");
        }
        if (line < 1) {
            throw new IllegalArgumentException("lines count from 1, was " + line + " in " + file);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
