package org.rebound.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses login attempts (the form and HTTP Basic) from an address {@link LoginProtection} throttles. */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginProtection protection;

    LoginThrottleFilter(LoginProtection protection) {
        this.protection = protection;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean attempt = ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()))
                || request.getHeader("Authorization") != null;
        if (attempt && protection.isThrottled(request.getRemoteAddr())) {
            response.setHeader("Retry-After", Long.toString(LoginProtection.WINDOW.toSeconds()));
            response.sendError(429, "Too many failed logins from this address; try again later");
            return;
        }
        chain.doFilter(request, response);
    }
}
