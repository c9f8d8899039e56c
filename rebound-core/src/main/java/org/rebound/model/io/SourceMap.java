package org.rebound.model.io;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each field of a model came from, so that problems found after parsing (an unknown
 * reference, a cycle) can still name the file, line and column.
 */
final class SourceMap {

    record Position(String source, int line, int column) {
    }

    private final Map<String, Position> positions = new HashMap<>();
    private final String defaultSource;

    SourceMap(String defaultSource) {
        this.defaultSource = defaultSource;
    }

    void put(String path, Position position) {
        positions.putIfAbsent(path, position);
    }

    /** The position of {@code path}, or of its nearest recorded ancestor: {@code a[x].b[2]} → {@code a[x].b} → {@code a[x]}. */
    Position find(String path) {
        String candidate = path;
        while (!candidate.isEmpty()) {
            Position position = positions.get(candidate);
            if (position != null) {
                return position;
            }
            candidate = parent(candidate);
        }
        return new Position(defaultSource, 0, 0);
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}
