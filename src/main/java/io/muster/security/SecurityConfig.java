package io.muster.security;

import java.util.Arrays;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two chains. The API chain (Muster's API, the engine REST API, the API docs) takes HTTP Basic
 * and keeps no session, so there is no cookie a forged cross-site request could ride on. The
 * browser chain leaves the Camunda webapps to their own login and CSRF filter and protects
 * Muster's pages with a form login at /login (a session cookie, a CSRF token on every form, a
 * strict Content-Security-Policy); only health, the sign-in page and static files stay open.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    AuthenticationManager authenticationManager(CamundaAuthenticationProvider provider) {
        ProviderManager manager = new ProviderManager(provider);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemResponses problems, AuthenticationManager manager)
            throws Exception {
        return http
                .securityMatcher(paths("/api/**", "/engine-rest/**", "/v3/api-docs/**", "/swagger-ui/**",
                        "/swagger-ui.html"))
                .authenticationManager(manager)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browserChain(HttpSecurity http, AuthenticationManager manager) throws Exception {
        RequestMatcher camundaWebapps = paths("/camunda/**");
        return http
                .authenticationManager(manager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
                        // The webapps check their own login (shared identity store) and their own CSRF token.
                        .requestMatchers(camundaWebapps).permitAll()
                        .requestMatchers(paths("/login", "/error", "/assets/**", "/webjars/**")).permitAll()
                        .requestMatchers(paths("/trainer/**")).hasAnyRole("TRAINER", "ADMIN")
                        .requestMatchers(paths("/admin/**")).hasAnyRole("ADMIN", "ENROLMENT_MANAGER")
                        .requestMatchers(paths("/analyst/**")).hasAnyRole("ANALYST", "ADMIN")
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(camundaWebapps))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.sameOrigin())
                        // Muster's pages load scripts and styles from files only; the webapps send their own policy.
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(camundaWebapps),
                                new StaticHeadersWriter("Content-Security-Policy", PAGE_POLICY))))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .build();
    }

    /** No inline script or style anywhere in Muster's pages, so none is allowed. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'self'; base-uri 'self'; object-src 'none'";

    /**
     * Matches on the path alone: the engine REST API and the webapps are servlets of their own,
     * which matchers tied to Spring MVC's dispatcher would not see.
     */
    private static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns).<RequestMatcher>map(builder::matcher).toList());
    }

    /**
     * Runs the engine REST API as the signed-in user, so Camunda's authorization checks apply to
     * every call (an approver sees only their candidate tasks).
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(0);
        return registration;
    }
}
