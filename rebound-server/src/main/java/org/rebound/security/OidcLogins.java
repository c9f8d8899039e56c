package org.rebound.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Single sign-on through the organisation's OpenID Connect provider, onto Rebound's own accounts:
 * the provider says who the person is (the {@code username} claim names a local account), Rebound
 * says what they may do (the account's roles), and the account's second factor is still asked for
 * where Rebound requires one. A person the provider vouches for who has no enabled, unlocked local
 * account is refused. Local logins are untouched, so Rebound keeps working when the provider is down
 * or compromised.
 */
final class OidcLogins implements AuthenticationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(OidcLogins.class);

    private final UserStore accounts;
    private final MfaStages stages;
    private final String usernameClaim;
    private final Clock clock;

    OidcLogins(UserStore accounts, MfaStages stages, String usernameClaim, Clock clock) {
        this.accounts = accounts;
        this.stages = stages;
        this.usernameClaim = usernameClaim;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OidcUser person = (OidcUser) authentication.getPrincipal();
        String provider = authentication instanceof OAuth2AuthenticationToken token ? token.getAuthorizedClientRegistrationId() : "?";
        String username = person.getClaimAsString(usernameClaim);
        Optional<UserStore.Account> account = username == null ? Optional.empty() : accounts.find(username);
        String refusal = username == null ? "the provider sent no " + usernameClaim + " claim"
                : account.isEmpty() ? "no Rebound account " + username
                : !account.get().enabled() ? "account " + username + " is disabled"
                : account.get().isLockedAt(clock.instant()) ? "account " + username + " is locked" : null;
        if (refusal != null) {
            log.warn("refused single sign-on through {} of subject {}: {}", provider, person.getSubject(), refusal);
            SecurityContextHolder.clearContext();
            request.getSession().invalidate();
            response.sendRedirect("/login?sso-refused");
            return;
        }
        log.info("single sign-on of {} through {}", username, provider);
        response.sendRedirect(stages.afterSingleSignOn(request, response, username));
    }
}
