package org.rebound.model.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rebound.model.io.ModelProblem.Severity;

/** Collects the problems of one model load, placing each by its field path. */
final class Problems {

    private final SourceMap sourceMap;
    private final List<ModelProblem> found = new ArrayList<>();

    Problems(SourceMap sourceMap) {
        this.sourceMap = sourceMap;
    }

    SourceMap sourceMap() {
        return sourceMap;
    }

    void error(String path, String message) {
        add(Severity.ERROR, path, message);
    }

    void warning(String path, String message) {
        add(Severity.WARNING, path, message);
    }

    void add(ModelProblem problem) {
        found.add(problem);
    }

    private void add(Severity severity, String path, String message) {
        SourceMap.Position at = sourceMap.find(path);
        found.add(new ModelProblem(severity, at.source(), at.line(), at.column(), path, message));
    }

    boolean hasErrors() {
        return found.stream().anyMatch(ModelProblem::isError);
    }

    /** All problems, sorted by file and place so that a reader can walk the file top to bottom. */
    List<ModelProblem> sorted() {
        return found.stream()
                .sorted(Comparator.comparing(ModelProblem::source)
                        .thenComparingInt(ModelProblem::line)
                        .thenComparingInt(ModelProblem::column))
                .toList();
    }
}
