package org.rebound.model.io;

import java.util.List;
import org.rebound.model.Enterprise;

/** The outcome of reading a model: the enterprise, or why it was rejected. */
public sealed interface ModelLoad {

    /** Every problem found, errors and warnings, in file order. */
    List<ModelProblem> problems();

    /** The model is valid; {@code problems} holds warnings only. */
    record Loaded(Enterprise enterprise, List<ModelProblem> problems) implements ModelLoad {
        public Loaded {
            problems = List.copyOf(problems);
        }
    }

    /** The model has at least one error; nothing of it may be used. */
    record Rejected(List<ModelProblem> problems) implements ModelLoad {
        public Rejected {
            problems = List.copyOf(problems);
        }

        public List<ModelProblem> errors() {
            return problems.stream().filter(ModelProblem::isError).toList();
        }
    }
}
