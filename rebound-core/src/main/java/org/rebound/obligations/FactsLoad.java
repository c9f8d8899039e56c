package org.rebound.obligations;

import java.util.List;
import org.rebound.model.io.ModelProblem;

/** The outcome of reading a facts file: the facts, or every problem that keeps them from being used. */
public sealed interface FactsLoad {

    record Loaded(IncidentFacts facts) implements FactsLoad {
    }

    /** At least one error, each with its file, line, column and field. */
    record Rejected(List<ModelProblem> problems) implements FactsLoad {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
