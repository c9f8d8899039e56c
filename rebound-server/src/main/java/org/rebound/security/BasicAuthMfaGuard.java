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
 * A password alone over HTTP Basic must not bypass the second factor: accounts that have one, or
 * must have one, call the API with a token issued after a full login instead.
 */
final class BasicAuthMfaGuard extends OncePerRequestFilter {

    private final SecondFactor secondFactor;

    BasicAuthMfaGuard(SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (header != null && header.startsWith("Basic ") && authentication != null && authentication.isAuthenticated()
                && (SecondFactor.isRequiredFor(MfaStages.roles(authentication)) || secondFactor.isEnrolled(authentication.getName()))) {
            SecurityContextHolder.clearContext();
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED,
                    "this account uses two-factor authentication: call the API with a token (POST /api/tokens after logging in)");
            return;
        }
        chain.doFilter(request, response);
    }
}
