package org.rebound.model.application;

import org.rebound.model.io.ModelLoad;
import org.rebound.model.io.ModelReader;
import org.rebound.model.io.ModelWriter;
import org.rebound.model.persistence.ModelStore.StoredModel;

/** The stored model as a YAML model file: as it was written, or converted when it was imported as JSON. */
public final class ModelExport {

    private ModelExport() {
    }

    public static String yaml(StoredModel model) {
        if (!model.document().stripLeading().startsWith("{")) {
            return model.document();
        }
        ModelLoad load = ModelReader.read("model version " + model.version(), model.document());
        if (!(load instanceof ModelLoad.Loaded loaded)) {
            throw new IllegalStateException("stored model version " + model.version() + " no longer loads: " + load.problems());
        }
        return ModelWriter.toYaml(loaded.enterprise());
    }
}
