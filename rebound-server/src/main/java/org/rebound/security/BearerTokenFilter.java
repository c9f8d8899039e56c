package org.rebound.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer rbd_...} requests as the token's user, for this request
 * only. A read token may only read; a token of a disabled or locked account is refused.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);

    private final ApiTokens tokens;
    private final UserDetailsService users;

    BearerTokenFilter(ApiTokens tokens, UserDetailsService users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            chain.doFilter(request, response);
            return;
        }
        var token = tokens.authenticate(header.substring("Bearer ".length()).strip());
        UserDetails user = token.map(found -> load(found.username())).orElse(null);
        if (token.isEmpty() || user == null || !user.isEnabled() || !user.isAccountNonLocked()) {
            log.warn("refused bearer token for {} {} from {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "unknown, expired or revoked token");
            return;
        }
        boolean readOnly = token.get().scope().equals(ApiTokens.READ);
        if (readOnly && !READS.contains(request.getMethod())) {
            log.warn("denied {} {} to read-only token {} of {}", request.getMethod(), request.getRequestURI(), token.get().id(), user.getUsername());
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "this token may only read");
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(new SimpleGrantedAuthority(ApiTokens.AUTHENTICATED_BY_TOKEN));
        if (readOnly) {
            authorities.add(new SimpleGrantedAuthority(ApiTokens.READ_ONLY));
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null, authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private UserDetails load(String username) {
        try {
            return users.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            return null;
        }
    }
}
