package org.rebound.security.web;

import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rebound.security.Accounts;
import org.rebound.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Accounts of the incident team, for administrators. */
@RestController
@RequestMapping("/api/users")
class UsersApi {

    /** A new account: a name and roles such as {@code ["responder"]}. */
    record NewUser(@Nullable String username, @Nullable List<String> roles) {
    }

    /** Changes to an account; absent fields stay as they are. */
    record UserChange(@Nullable List<String> roles, @Nullable Boolean enabled) {
    }

    private final Accounts accounts;

    UsersApi(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    List<Accounts.AccountView> all() {
        return accounts.all();
    }

    /** Creates an account; the response holds its one-time password. */
    @PostMapping
    ResponseEntity<?> create(@RequestBody NewUser request, Principal admin) {
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(accounts.create(request.username() == null ? "" : request.username(),
                    Accounts.roles(request.roles() == null ? List.of() : request.roles()), admin.getName()));
        } catch (IllegalArgumentException invalid) {
            return badRequest(invalid);
        }
    }

    @PatchMapping("/{username}")
    ResponseEntity<?> update(@PathVariable String username, @RequestBody UserChange change, Principal admin) {
        var current = accounts.all().stream().filter(account -> account.username().equals(username)).findFirst();
        if (current.isEmpty()) {
            return notFound(username);
        }
        try {
            var roles = change.roles() == null ? current.get().roles() : Accounts.roles(change.roles());
            boolean enabled = change.enabled() == null ? current.get().enabled() : change.enabled();
            return accounts.update(username, roles, enabled, admin.getName()).<ResponseEntity<?>>map(ResponseEntity::ok)
                    .orElseGet(() -> notFound(username));
        } catch (IllegalArgumentException invalid) {
            return badRequest(invalid);
        }
    }

    @PostMapping("/{username}/reset-password")
    ResponseEntity<?> resetPassword(@PathVariable String username, Principal admin) {
        return accounts.resetPassword(username, admin.getName()).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound(username));
    }

    @PostMapping("/{username}/reset-second-factor")
    ResponseEntity<?> resetSecondFactor(@PathVariable String username, Principal admin) {
        return accounts.resetSecondFactor(username, admin.getName()) ? ResponseEntity.noContent().build() : notFound(username);
    }

    private static ResponseEntity<?> notFound(String username) {
        return ResponseEntity.status(404).body(ApiProblems.notFound("no user '" + username + "'"));
    }

    private static ResponseEntity<?> badRequest(IllegalArgumentException invalid) {
        String message = invalid.getMessage();
        int colon = message.indexOf(':');
        return ResponseEntity.badRequest().body(colon > 0
                ? ApiProblems.badRequest(message.substring(0, colon), message.substring(colon + 2))
                : ApiProblems.badRequest("body", message));
    }
}
