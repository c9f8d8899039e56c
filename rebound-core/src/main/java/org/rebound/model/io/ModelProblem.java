package org.rebound.model.io;

/**
 * One thing wrong with a model file. {@code line} and {@code column} are 1-based, or 0 when the
 * problem has no place in a file (a model built in code).
 *
 * @param field the path of the offending field, such as {@code systems[ad-core].depends_on[1]}
 */
public record ModelProblem(Severity severity, String source, int line, int column, String field, String message) {

    public enum Severity { ERROR, WARNING }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code albion.yaml:12:5: error: systems[ad-core].depends_on[1]: unknown system 'net-cor'}. */
    @Override
    public String toString() {
        String place = line > 0 ? source + ":" + line + ":" + column : source;
        String label = severity == Severity.ERROR ? "error" : "warning";
        return place + ": " + label + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
