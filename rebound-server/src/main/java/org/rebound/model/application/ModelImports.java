package org.rebound.model.application;

import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rebound.audit.AuditLog;
import org.rebound.model.Enterprise;
import org.rebound.model.io.ModelLoad;
import org.rebound.model.io.ModelWriter;
import org.rebound.model.persistence.ModelStore;
import org.rebound.model.persistence.ModelStore.StoredModel;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a model: an invalid one changes nothing; a valid one is stored as a new version, together
 * with its audit entry, in one transaction. A model read from one file is stored as written, comments
 * included; one assembled from several files (CMDB exports) is stored in the canonical form of
 * {@link ModelWriter}.
 */
public final class ModelImports {

    private final ModelStore models;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ModelImports(ModelStore models, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.models = models;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Imports what {@link org.rebound.model.io.ModelReader} read from {@code source}.
     *
     * @param text the file's text when the model came from that one file, or null to store the canonical form
     */
    public ImportOutcome importModel(ModelLoad load, @Nullable String text, String source, String actor) {
        if (load instanceof ModelLoad.Rejected rejected) {
            return new ImportOutcome.Rejected(rejected.problems());
        }
        ModelLoad.Loaded loaded = (ModelLoad.Loaded) load;
        Enterprise enterprise = loaded.enterprise();
        String document = text != null ? text : ModelWriter.toYaml(enterprise);
        Optional<StoredModel> current = models.current();
        if (current.isPresent() && current.get().sha256().equals(ModelStore.sha256(document))) {
            return new ImportOutcome.Unchanged(current.get());
        }
        StoredModel stored = transactions.execute(status -> {
            StoredModel saved = models.save(enterprise.name(), document, source, actor, clock.instant());
            audit.record(saved.importedAt(), actor, "model.import", "model/" + saved.version(),
                    "imported " + source + ": " + enterprise.systems().size() + " systems, "
                            + enterprise.processes().size() + " processes, sha256 " + saved.sha256());
            return saved;
        });
        return new ImportOutcome.Imported(stored, loaded.problems());
    }
}
