package org.rebound.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The steps of logging in after the password. A correct password alone only reaches the next step:
 * replacing a password an administrator issued ({@link #PASSWORD_CHANGE}), entering a code
 * ({@link #PENDING}), or, for administrators and incident commanders who have no authenticator yet,
 * enrolling one ({@link #ENROL}). Only after the last step does the session get the user's roles.
 */
public final class MfaStages implements AuthenticationSuccessHandler {

    public static final String PENDING = "MFA_PENDING";
    public static final String ENROL = "MFA_ENROL";
    public static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";

    private final SecondFactor secondFactor;
    private final UserDetailsService users;
    private final UserStore accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    public MfaStages(SecondFactor secondFactor, UserDetailsService users, UserStore accounts) {
        this.secondFactor = secondFactor;
        this.users = users;
        this.accounts = accounts;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication password)
            throws IOException {
        String username = password.getName();
        if (accounts.find(username).map(UserStore.Account::passwordChangeRequired).orElse(false)) {
            replace(request, response, limited(username, PASSWORD_CHANGE));
            response.sendRedirect("/account/password");
            return;
        }
        String step = secondFactorStep(request, response, username, roles(password.getAuthorities()));
        response.sendRedirect(step == null ? "/" : step);
    }

    /** After a required password change: on to the second factor, or straight in. Returns where to go next. */
    public String afterPasswordChange(HttpServletRequest request, HttpServletResponse response, String username) {
        return secondFactorOrIn(request, response, username);
    }

    /**
     * After the organisation's identity provider vouched for a local account: on to Rebound's second
     * factor where the account needs one, or straight in with the account's roles. Returns where to go.
     */
    public String afterSingleSignOn(HttpServletRequest request, HttpServletResponse response, String username) {
        return secondFactorOrIn(request, response, username);
    }

    private String secondFactorOrIn(HttpServletRequest request, HttpServletResponse response, String username) {
        String step = secondFactorStep(request, response, username, roles(users.loadUserByUsername(username).getAuthorities()));
        if (step != null) {
            return step;
        }
        complete(request, response, username);
        return "/";
    }

    /** Moves the session to the second-factor step the user needs and returns its page, or null when they need none. */
    private String secondFactorStep(HttpServletRequest request, HttpServletResponse response, String username, Set<Role> roles) {
        if (secondFactor.isEnrolled(username)) {
            replace(request, response, limited(username, PENDING));
            return "/login/mfa";
        }
        if (SecondFactor.isRequiredFor(roles)) {
            replace(request, response, limited(username, ENROL));
            return "/account/mfa/enrol";
        }
        return null;
    }

    /** Grants the session the user's roles after the second factor, with a new session id. */
    public void complete(HttpServletRequest request, HttpServletResponse response, String username) {
        var user = users.loadUserByUsername(username);
        replace(request, response, UsernamePasswordAuthenticationToken.authenticated(username, null, user.getAuthorities()));
        request.changeSessionId();
    }

    /** Where a user stuck at a step should go, or null when they are past the steps. */
    public static String pendingStep(Authentication authentication) {
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (authority.getAuthority().equals(PENDING)) {
                return "/login/mfa";
            }
            if (authority.getAuthority().equals(ENROL)) {
                return "/account/mfa/enrol";
            }
            if (authority.getAuthority().equals(PASSWORD_CHANGE)) {
                return "/account/password";
            }
        }
        return null;
    }

    public static boolean isChangingPassword(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(authority -> authority.getAuthority().equals(PASSWORD_CHANGE));
    }

    public static boolean isEnrolling(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(authority -> authority.getAuthority().equals(ENROL));
    }

    /** The roles an authentication carries (none while a login step is pending). */
    public static Set<Role> roles(Authentication authentication) {
        return roles(authentication.getAuthorities());
    }

    private static Set<Role> roles(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> Role.valueOf(authority.substring("ROLE_".length())))
                .collect(Collectors.toSet());
    }

    private static Authentication limited(String username, String stage) {
        return UsernamePasswordAuthenticationToken.authenticated(username, null, List.of(new SimpleGrantedAuthority(stage)));
    }

    private void replace(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
