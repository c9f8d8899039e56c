package org.rebound.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A password alone over HTTP Basic must not bypass the steps of a login: accounts that have a second
 * factor, or must have one, call the API with a token issued after a full login instead; and a
 * password an administrator issued works only at the login page, where it must be replaced.
 */
final class BasicAuthGuard extends OncePerRequestFilter {

    private final SecondFactor secondFactor;
    private final UserStore users;

    BasicAuthGuard(SecondFactor secondFactor, UserStore users) {
        this.secondFactor = secondFactor;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (header != null && header.startsWith("Basic ") && authentication != null && authentication.isAuthenticated()) {
            String refusal = refusal(authentication);
            if (refusal != null) {
                SecurityContextHolder.clearContext();
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, refusal);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private String refusal(Authentication authentication) {
        String username = authentication.getName();
        if (users.find(username).map(UserStore.Account::passwordChangeRequired).orElse(false)) {
            return "this password was issued by an administrator: log in at /login and choose your own first";
        }
        if (SecondFactor.isRequiredFor(MfaStages.roles(authentication)) || secondFactor.isEnrolled(username)) {
            return "this account uses two-factor authentication: call the API with a token (POST /api/tokens after logging in)";
        }
        return null;
    }
}
