package org.rebound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.model.io.ModelLoad;
import org.rebound.model.io.ModelProblem;
import org.rebound.model.io.ModelReader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The model file a command reads, with optional CMDB exports adding systems to it. */
final class ModelFileOptions {

    @Parameters(index = "0", paramLabel = "FILE", description = "The enterprise model, YAML or JSON (see docs/model-format.md).")
    Path file;

    @Option(names = "--cmdb", paramLabel = "CSV", description = "A CMDB export in CSV whose systems are added to the model; repeatable.")
    List<Path> cmdbExports = new ArrayList<>();

    /** Reads the model and prints every problem, errors and warnings, on {@code err}. */
    ModelLoad read(PrintWriter err) {
        ModelLoad load = ModelReader.read(file, cmdbExports);
        for (ModelProblem problem : load.problems()) {
            err.println(problem);
        }
        if (load instanceof ModelLoad.Rejected rejected) {
            int errors = rejected.errors().size();
            err.println(file + ": " + errors + (errors == 1 ? " error" : " errors"));
        }
        return load;
    }

    /** The file's text to store as imported, or null when CMDB exports were merged into it. */
    @Nullable String text() {
        if (!cmdbExports.isEmpty()) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + file + " again: " + unreadable.getMessage(), unreadable);
        }
    }

    String source() {
        return file.getFileName().toString();
    }
}
