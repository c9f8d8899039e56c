package org.rebound.model.io;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.rebound.model.Enterprise;
import org.rebound.model.EnterpriseSystem;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads an enterprise model from a YAML or JSON file (JSON is read as the YAML it is), optionally
 * adding the systems of CMDB CSV exports, and validates it. Reading never throws for bad input: the
 * result is a {@link ModelLoad} carrying the enterprise or every problem found.
 */
public final class ModelReader {

    private ModelReader() {
    }

    public static ModelLoad read(Path modelFile) {
        return read(modelFile, List.of());
    }

    /** Reads {@code modelFile} and adds the systems listed in {@code cmdbExports}. */
    public static ModelLoad read(Path modelFile, List<Path> cmdbExports) {
        String source = modelFile.toString();
        Problems problems = new Problems(new SourceMap(source));
        Set<String> brokenIds = new HashSet<>();
        List<EnterpriseSystem> cmdbSystems = new ArrayList<>();
        for (Path export : cmdbExports) {
            try (Reader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
                cmdbSystems.addAll(new CmdbCsvReader(export.toString(), problems, brokenIds).read(reader));
            } catch (IOException unreadable) {
                problems.add(unreadable(export.toString(), unreadable));
            }
        }
        try (Reader reader = Files.newBufferedReader(modelFile, StandardCharsets.UTF_8)) {
            return read(source, reader, cmdbSystems, brokenIds, problems);
        } catch (IOException unreadable) {
            problems.add(unreadable(source, unreadable));
            return new ModelLoad.Rejected(problems.sorted());
        }
    }

    /** Reads a model from text, naming it {@code source} in problems. */
    public static ModelLoad read(String source, String text) {
        Problems problems = new Problems(new SourceMap(source));
        try {
            return read(source, new StringReader(text), List.of(), new HashSet<>(), problems);
        } catch (IOException impossible) {
            throw new IllegalStateException("reading from a string failed", impossible);
        }
    }

    private static ModelLoad read(String source, Reader reader, List<EnterpriseSystem> extraSystems,
                                  Set<String> brokenIds, Problems problems)
            throws IOException {
        Optional<Node> root = NodeReader.compose(source, reader, problems);
        if (root.isEmpty()) {
            return new ModelLoad.Rejected(problems.sorted());
        }
        Enterprise enterprise = new YamlModelParser(source, problems, brokenIds).parse(root.get(), extraSystems);
        if (enterprise != null) {
            ModelValidator.validate(enterprise, problems, brokenIds);
        }
        if (enterprise == null || problems.hasErrors()) {
            return new ModelLoad.Rejected(problems.sorted());
        }
        return new ModelLoad.Loaded(enterprise, problems.sorted());
    }

    private static ModelProblem unreadable(String source, IOException cause) {
        String reason = cause instanceof NoSuchFileException ? "no such file" : "cannot read: " + cause.getMessage();
        return new ModelProblem(ModelProblem.Severity.ERROR, source, 0, 0, "", reason);
    }
}
