package org.rebound.model.web;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.rebound.impact.application.ImpactService;
import org.rebound.model.application.ImportOutcome;
import org.rebound.model.application.ModelExport;
import org.rebound.model.io.ModelWriter;
import org.rebound.web.ApiProblems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/model")
class ModelApi {

    /** The stored version of the model an import produced or matched. */
    record ImportResult(String outcome, long version, String enterprise, String sha256, Instant importedAt,
                        List<ApiProblems.ProblemView> warnings) {
    }

    private final ImpactService impact;

    ModelApi(ImpactService impact) {
        this.impact = impact;
    }

    /** The current model in the structure of the model file (docs/model-format.md), as JSON. */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> model() {
        return impact.situation()
                .<ResponseEntity<?>>map(situation -> ResponseEntity.ok(ModelWriter.toDocument(situation.enterprise())))
                .orElseGet(ModelApi::noModel);
    }

    /** The current model as a YAML model file; importing it gives back the same model. */
    @GetMapping(path = "/export", produces = "application/yaml")
    ResponseEntity<?> export() {
        return impact.situation()
                .<ResponseEntity<?>>map(situation -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/yaml"))
                        .body(ModelExport.yaml(situation.model())))
                .orElseGet(ModelApi::noModel);
    }

    /**
     * Imports a model file (YAML or JSON text). An invalid model is refused with every problem
     * listed and changes nothing.
     */
    @PutMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON_VALUE,
            MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<?> importModel(@RequestBody String document, @RequestParam(defaultValue = "api upload") String source,
                                  Principal user) {
        ImportOutcome outcome = impact.importModel(document, source, user.getName());
        if (outcome instanceof ImportOutcome.Rejected rejected) {
            return ResponseEntity.unprocessableContent().body(ApiProblems.invalidModel(rejected.problems()));
        }
        if (outcome instanceof ImportOutcome.Unchanged unchanged) {
            var model = unchanged.model();
            return ResponseEntity.ok(new ImportResult("unchanged", model.version(), model.enterprise(), model.sha256(),
                    model.importedAt(), List.of()));
        }
        ImportOutcome.Imported imported = (ImportOutcome.Imported) outcome;
        var model = imported.model();
        return ResponseEntity.ok(new ImportResult("imported", model.version(), model.enterprise(), model.sha256(),
                model.importedAt(), imported.warnings().stream().map(ApiProblems.ProblemView::of).toList()));
    }

    static ResponseEntity<?> noModel() {
        return ResponseEntity.status(404).body(ApiProblems.notFound("no enterprise model has been imported yet"));
    }

}
