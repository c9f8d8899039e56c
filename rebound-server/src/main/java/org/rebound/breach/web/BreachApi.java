package org.rebound.breach.web;

import static org.rebound.incident.web.IncidentResponses.answer;
import static org.rebound.incident.web.IncidentResponses.caller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.rebound.breach.RegisterFiles;
import org.rebound.breach.application.BreachRegisters;
import org.rebound.breach.persistence.BreachStore.Register;
import org.rebound.incident.application.Caller;
import org.rebound.incident.application.IncidentOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The affected-people registers of an incident: counts for members, people for DPO/legal and commanders. */
@RestController
class BreachApi {

    private final BreachRegisters registers;

    BreachApi(BreachRegisters registers) {
        this.registers = registers;
    }

    @GetMapping("/api/incidents/{id}/breach/registers")
    ResponseEntity<?> list(@PathVariable long id, Authentication user) {
        return answer(registers.registers(id, caller(user)), HttpStatus.OK, user);
    }

    /**
     * Imports what {@code rebound scan} wrote: multipart field {@code register} is
     * {@code affected-people.json}, optional {@code summary} is {@code scan-summary.json}.
     */
    @PostMapping(path = "/api/incidents/{id}/breach/registers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@PathVariable long id, @RequestParam("register") MultipartFile register,
                             @RequestParam(required = false) @Nullable MultipartFile summary,
                             @RequestParam(required = false) @Nullable String note, Authentication user) {
        return answer(importUpload(registers, id, register, summary, note, caller(user)), HttpStatus.CREATED, user);
    }

    @GetMapping("/api/incidents/{id}/breach/registers/{register}/people")
    ResponseEntity<?> people(@PathVariable long id, @PathVariable long register, @RequestParam(required = false) @Nullable String q,
                             @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit,
                             Authentication user) {
        return answer(registers.people(id, register, q, offset, limit, caller(user)), HttpStatus.OK, user);
    }

    /** Spools the uploads to temporary files (registers can be large), imports, and removes them. */
    static IncidentOutcome<Register> importUpload(BreachRegisters registers, long id, MultipartFile register,
                                           @Nullable MultipartFile summary, @Nullable String note, Caller caller) {
        Path folder = null;
        try {
            // under the names rebound scan gives them, so that problems name the file the user knows
            folder = Files.createTempDirectory("rebound-register");
            Path registerFile = folder.resolve(RegisterFiles.JSON);
            register.transferTo(registerFile);
            Path summaryFile = null;
            if (summary != null && !summary.isEmpty()) {
                summaryFile = folder.resolve(RegisterFiles.SUMMARY);
                summary.transferTo(summaryFile);
            }
            return registers.importRegister(id, registerFile, summaryFile, note, caller);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the upload could not be read", unreadable);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void deleteQuietly(@Nullable Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // temporary files; the operating system's clean-up takes them
        }
    }
}
