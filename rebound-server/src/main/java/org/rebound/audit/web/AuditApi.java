package org.rebound.audit.web;

import java.util.List;
import org.rebound.audit.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only: the audit log has no endpoint that changes it. */
@RestController
@RequestMapping("/api/audit")
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    /** The latest entries, newest first. */
    @GetMapping
    List<AuditLog.Entry> latest(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit: between 1 and 10000, got " + limit);
        }
        return audit.latest(limit);
    }

    /** Recomputes the whole chain. */
    @GetMapping("/verify")
    AuditLog.Verification verify() {
        return audit.verify();
    }
}
