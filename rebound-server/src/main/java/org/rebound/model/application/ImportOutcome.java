package org.rebound.model.application;

import java.util.List;
import org.rebound.model.io.ModelProblem;
import org.rebound.model.persistence.ModelStore.StoredModel;

/** What became of a model import. */
public sealed interface ImportOutcome {

    /** Stored as a new version; {@code warnings} were reported but did not stop it. */
    record Imported(StoredModel model, List<ModelProblem> warnings) implements ImportOutcome {
    }

    /** Identical to the current version, so nothing was stored. */
    record Unchanged(StoredModel model) implements ImportOutcome {
    }

    /** Invalid; nothing was stored. */
    record Rejected(List<ModelProblem> problems) implements ImportOutcome {
    }
}
