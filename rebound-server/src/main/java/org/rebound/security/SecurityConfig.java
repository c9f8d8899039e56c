package org.rebound.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.stream.Collectors;
import org.rebound.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every request is authenticated except the login page, health and static assets. Browsers log in
 * with a form and a session (CSRF-protected); scripts call the API with an API token (Bearer) or HTTP
 * Basic credentials. Pages
 * are served with a strict Content Security Policy: no inline script or style, nothing from
 * outside Rebound.
 */
@Configuration
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    private static final String[] OPERATORS = {
            Role.ADMIN.name(), Role.INCIDENT_COMMANDER.name(), Role.RESPONDER.name()};
    /** Everyone but external partners, who see only what is shared with them (nothing is, yet). */
    private static final String[] ALL_ROLES = java.util.Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);
    private static final String[] INTERNAL_ROLES = java.util.Arrays.stream(Role.values())
            .filter(role -> role != Role.EXTERNAL_PARTNER).map(Role::name).toArray(String[]::new);

    /** Anyone fully logged in may take this step too; those who must are sent to it straight after their password. */
    private static String[] everyoneAnd(String step) {
        java.util.List<String> authorities = new java.util.ArrayList<>();
        authorities.add(step);
        for (Role role : Role.values()) {
            authorities.add(role.authority());
        }
        return authorities.toArray(String[]::new);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginProtection protection, ApiTokens tokens,
                                            UserDetailsService users, SecondFactor secondFactor, MfaStages stages,
                                            UserStore accounts, ObjectProvider<ClientRegistrationRepository> singleSignOn,
                                            @Value("${rebound.oidc.username-claim:preferred_username}") String usernameClaim,
                                            Clock clock) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http
                .addFilterBefore(new LoginThrottleFilter(protection), CsrfFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, users), CsrfFilter.class)
                .addFilterAfter(new BasicAuthGuard(secondFactor, accounts), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        // the request was authorised when it arrived; this is the same response finishing (a streamed download)
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/login", "/actuator/health", "/actuator/health/**", "/css/**", "/js/**",
                                "/webjars/**", "/favicon.svg", "/error").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/model").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/scenarios/*/start")
                                .hasAnyRole(Role.ADMIN.name(), Role.INCIDENT_COMMANDER.name())
                        .requestMatchers(HttpMethod.POST, "/api/systems/*/state", "/systems/state", "/api/plans",
                                "/api/plans/progress", "/plan/replan").hasAnyRole(OPERATORS)
                        .requestMatchers("/actuator/**", "/api/audit", "/api/audit/**", "/api/users", "/api/users/**", "/users", "/users/**")
                                .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/incidents")
                                .hasAnyRole(Role.ADMIN.name(), Role.INCIDENT_COMMANDER.name())
                        .requestMatchers(HttpMethod.PUT, "/api/organisation")
                                .hasAnyRole(Role.ADMIN.name(), Role.INCIDENT_COMMANDER.name())
                        .requestMatchers(HttpMethod.POST, "/organisation")
                                .hasAnyRole(Role.ADMIN.name(), Role.INCIDENT_COMMANDER.name())
                        // what is shared with a partner is decided per incident (membership, TLP) by Incidents
                        .requestMatchers(HttpMethod.GET, "/api/incidents", "/api/incidents/*", "/api/incidents/*/observables")
                                .hasAnyRole(ALL_ROLES)
                        .requestMatchers("/login/mfa").hasAuthority(MfaStages.PENDING)
                        .requestMatchers("/account/mfa/enrol").hasAnyAuthority(everyoneAnd(MfaStages.ENROL))
                        .requestMatchers("/account/password").hasAnyAuthority(everyoneAnd(MfaStages.PASSWORD_CHANGE))
                        .anyRequest().hasAnyRole(INTERNAL_ROLES))
                .formLogin(form -> form.loginPage("/login").successHandler(stages)
                        .failureHandler((request, response, failure) -> response.sendRedirect(
                                failure instanceof LockedException ? "/login?locked" : "/login?error"))
                        .permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .accessDeniedHandler(loggingAccessDeniedHandler()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::carriesCredentials))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        if (singleSignOn.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .successHandler(new OidcLogins(accounts, stages, usernameClaim, clock))
                    .failureHandler((request, response, failure) -> {
                        log.warn("single sign-on failed: {}", failure.getMessage());
                        response.sendRedirect("/login?sso-failed");
                    }));
        }
        return http.build();
    }

    /**
     * A request that sends its own credentials cannot be forged by another site, which can only make
     * the browser send its session cookie; such API calls need no CSRF token.
     */
    private static boolean carriesCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && (authorization.startsWith("Basic ") || authorization.startsWith("Bearer "));
    }

    /** Users between their password and their second factor are sent back to that step; others are refused and logged. */
    private static AccessDeniedHandler loggingAccessDeniedHandler() {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
            String step = authentication == null ? null : MfaStages.pendingStep(authentication);
            if (step != null && "GET".equals(request.getMethod()) && !request.getRequestURI().startsWith("/api/")) {
                response.sendRedirect(step);
                return;
            }
            var user = request.getUserPrincipal();
            log.warn("denied {} {} to {}", request.getMethod(), request.getRequestURI(), user == null ? "anonymous" : user.getName());
            forbidden.handle(request, response, denied);
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserStore userStore(JdbcClient jdbc) {
        return new UserStore(jdbc);
    }

    @Bean
    SecondFactor secondFactor(UserStore users, PasswordEncoder encoder, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        return new SecondFactor(users, encoder, audit, transactions, clock);
    }

    @Bean
    MfaStages mfaStages(SecondFactor secondFactor, UserDetailsService users, UserStore accounts) {
        return new MfaStages(secondFactor, users, accounts);
    }

    @Bean
    Accounts accounts(UserStore users, SecondFactor secondFactor, PasswordEncoder encoder, AuditLog audit,
                      TransactionTemplate transactions, Clock clock) {
        return new Accounts(users, secondFactor, encoder, audit, transactions, clock);
    }

    @Bean
    ApiTokenStore apiTokenStore(JdbcClient jdbc) {
        return new ApiTokenStore(jdbc);
    }

    @Bean
    ApiTokens apiTokens(ApiTokenStore store, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        return new ApiTokens(store, audit, transactions, clock);
    }

    @Bean
    UserDetailsService userDetailsService(UserStore users, Clock clock) {
        return username -> users.find(username)
                .map(account -> User.withUsername(account.username())
                        .password(account.passwordHash())
                        .disabled(!account.enabled())
                        .accountLocked(account.isLockedAt(clock.instant()))
                        .roles(account.roles().stream().map(Role::name).collect(Collectors.toSet()).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
