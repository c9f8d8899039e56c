package org.rebound.model.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rebound.model.io.ModelProblem.Severity;

/** Collects the problems of one input file load, placing each by its field path. */
public final class Problems {

    private final SourceMap sourceMap;
    private final List<ModelProblem> found = new ArrayList<>();

    public Problems(String source) {
        this(new SourceMap(source));
    }

    Problems(SourceMap sourceMap) {
        this.sourceMap = sourceMap;
    }

    SourceMap sourceMap() {
        return sourceMap;
    }

    public void error(String path, String message) {
        add(Severity.ERROR, path, message);
    }

    public void warning(String path, String message) {
        add(Severity.WARNING, path, message);
    }

    public void add(ModelProblem problem) {
        found.add(problem);
    }

    private void add(Severity severity, String path, String message) {
        SourceMap.Position at = sourceMap.find(path);
        found.add(new ModelProblem(severity, at.source(), at.line(), at.column(), path, message));
    }

    public boolean hasErrors() {
        return found.stream().anyMatch(ModelProblem::isError);
    }

    /** All problems, sorted by file and place so that a reader can walk the file top to bottom. */
    public List<ModelProblem> sorted() {
        return found.stream()
                .sorted(Comparator.comparing(ModelProblem::source)
                        .thenComparingInt(ModelProblem::line)
                        .thenComparingInt(ModelProblem::column))
                .toList();
    }
}
