package org.openmineral.platform.security;

import static org.openmineral.platform.security.Roles.ADMIN;
import static org.openmineral.platform.security.Roles.AUDITOR;
import static org.openmineral.platform.security.Roles.COMPLIANCE;
import static org.openmineral.platform.security.Roles.DESK_HEAD;
import static org.openmineral.platform.security.Roles.LEGAL;
import static org.openmineral.platform.security.Roles.OPERATIONS;
import static org.openmineral.platform.security.Roles.RISK;
import static org.openmineral.platform.security.Roles.TRADER;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: the one place the API's authorisation is configured. Every request needs a
 * valid bearer token (JWT) except health and the login; the token's roles decide which endpoints it
 * opens. Stateless: no session, no cookie, hence no CSRF protection to need.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

  /** Roles allowed on each part of the API; anything not listed needs any valid token. */
  static final String[] PRICING = {TRADER, DESK_HEAD, RISK, OPERATIONS, ADMIN};

  static final String[] COMPLIANCE_API = {COMPLIANCE, TRADER, ADMIN};

  /** Who may create counterparties (and so start their onboarding); any valid token reads them. */
  static final String[] COUNTERPARTY_CREATE = {TRADER, COMPLIANCE, ADMIN};

  /** Who may verify the audit log's hash chain. */
  static final String[] AUDIT = {AUDITOR, ADMIN};

  /**
   * Who may read a process instance's history (every variable it ever had): the oversight roles.
   * Traders and operations see process data through their tasks and the domain endpoints.
   */
  static final String[] PROCESS_HISTORY = {AUDITOR, ADMIN, COMPLIANCE, RISK, DESK_HEAD};

  /** Who may reserve and release a counterparty's credit for a deal. */
  static final String[] CREDIT_RESERVE = {TRADER, RISK, ADMIN};

  /** Who may capture deals (and so start their trade lifecycle). */
  static final String[] DEAL_CAPTURE = {TRADER, ADMIN};

  /** Who may amend or cancel deals (of their desk). */
  static final String[] DEAL_CHANGE = {TRADER, DESK_HEAD, ADMIN};

  /** Who may report the business events of a deal's execution and settlement. */
  static final String[] DEAL_EVENTS = {OPERATIONS, TRADER, ADMIN};

  /** Who may read deals (desk members only their desk's). */
  static final String[] DEAL_READ = {
    TRADER, DESK_HEAD, RISK, COMPLIANCE, LEGAL, OPERATIONS, AUDITOR, ADMIN
  };

  /** Who may record a hedge's fill (price, time, broker) for the trade report. */
  static final String[] HEDGE_EXECUTION = {TRADER, RISK, ADMIN};

  /** Who may read the reports (desk members only their desk's figures). */
  static final String[] REPORTS = {RISK, DESK_HEAD, COMPLIANCE, AUDITOR, ADMIN};

  /** Who may import market data (prices); every authenticated user may read it. */
  static final String[] MARKET_DATA_IMPORT = {RISK, ADMIN};

  /** Who may talk to the copilot (it reads deals, exposure, tasks and prices for them). */
  static final String[] COPILOT = {TRADER, DESK_HEAD, RISK, OPERATIONS, ADMIN};

  /** Who may rebuild the knowledge index; every authenticated user may search it. */
  static final String[] KNOWLEDGE_INDEX = {ADMIN};

  /**
   * Every token decoder, the local issuer's or the one configured for an external issuer, remembers
   * the tokens it accepted ({@link CachingJwtDecoder}).
   */
  @Bean
  static BeanPostProcessor rememberAcceptedTokens() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(final Object bean, final String name) {
        return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
            ? new CachingJwtDecoder(decoder)
            : bean;
      }
    };
  }

  /**
   * No observation (timer, trace) of every security filter, authentication and authorisation:
   * wrapping each of the chain's filters cost more CPU per request than the request's own work
   * under load (docs/benchmarks.md); requests stay measured as {@code http.server.requests}.
   */
  @Bean
  static SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  SecurityFilterChain apiSecurity(
      final HttpSecurity http,
      final SecurityProperties properties,
      final ObjectMapper json,
      final ConfigurableEnvironment environment)
      throws Exception {
    if (!IssuerMode.external(environment) && !IssuerMode.local(environment)) {
      throw new IllegalStateException(
          "Cluster mode needs an external token issuer: set"
              + " spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri) to your"
              + " identity provider (Keycloak, Entra ID, Camunda Identity), or set"
              + " openmineral.security.local-issuer=true and openmineral.security.users to let"
              + " the application issue tokens itself. See docs/security.md.");
    }
    final SecurityProblems problems = new SecurityProblems(json);
    http.csrf(csrf -> csrf.disable())
        .cors(cors -> cors.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, TokenController.PATH)
                    .permitAll()
                    .requestMatchers(SecurityConfiguration::webApp)
                    .permitAll()
                    // the API's description (OpenAPI) and its browser: no data, only the contract
                    .requestMatchers(
                        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .permitAll()
                    .requestMatchers("/api/pricing/**")
                    .hasAnyRole(authorities(PRICING))
                    .requestMatchers("/api/compliance/**")
                    .hasAnyRole(authorities(COMPLIANCE_API))
                    .requestMatchers(HttpMethod.POST, "/api/counterparties/*/credit-reservations")
                    .hasAnyRole(authorities(CREDIT_RESERVE))
                    .requestMatchers(
                        HttpMethod.DELETE, "/api/counterparties/*/credit-reservations/*")
                    .hasAnyRole(authorities(CREDIT_RESERVE))
                    .requestMatchers(
                        HttpMethod.POST, "/api/counterparties", "/api/counterparties/**")
                    .hasAnyRole(authorities(COUNTERPARTY_CREATE))
                    .requestMatchers("/api/counterparties", "/api/counterparties/**")
                    .authenticated()
                    .requestMatchers(HttpMethod.GET, "/api/deals/*/audit-report")
                    .hasAnyRole(authorities(AUDIT))
                    .requestMatchers(HttpMethod.POST, "/api/deals")
                    .hasAnyRole(authorities(DEAL_CAPTURE))
                    .requestMatchers(HttpMethod.POST, "/api/deals/*/events/*")
                    .hasAnyRole(authorities(DEAL_EVENTS))
                    .requestMatchers(HttpMethod.POST, "/api/deals/*/cancel")
                    .hasAnyRole(authorities(DEAL_CHANGE))
                    .requestMatchers(HttpMethod.PATCH, "/api/deals/*")
                    .hasAnyRole(authorities(DEAL_CHANGE))
                    .requestMatchers(HttpMethod.PUT, "/api/deals/*")
                    .hasAnyRole(authorities(DEAL_CHANGE))
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/deals",
                        "/api/deals/*",
                        "/api/deals/*/documents",
                        "/api/deals/*/documents/**")
                    .hasAnyRole(authorities(DEAL_READ))
                    .requestMatchers("/api/deals", "/api/deals/**")
                    .hasAnyRole(authorities(DEAL_CAPTURE))
                    .requestMatchers(HttpMethod.POST, "/api/hedges/*/execution")
                    .hasAnyRole(authorities(HEDGE_EXECUTION))
                    .requestMatchers(HttpMethod.GET, "/api/hedges", "/api/hedges/*")
                    .hasAnyRole(authorities(DEAL_READ))
                    .requestMatchers("/api/hedges", "/api/hedges/**")
                    .hasAnyRole(authorities(HEDGE_EXECUTION))
                    .requestMatchers(HttpMethod.GET, "/api/invoices")
                    .hasAnyRole(authorities(DEAL_READ))
                    .requestMatchers("/api/reports/**")
                    .hasAnyRole(authorities(REPORTS))
                    .requestMatchers(HttpMethod.POST, "/api/market-data/imports")
                    .hasAnyRole(authorities(MARKET_DATA_IMPORT))
                    .requestMatchers(HttpMethod.POST, "/api/market-data/pre-deal-analysis")
                    .hasAnyRole(authorities(PRICING))
                    .requestMatchers("/api/audit/**", "/api/process-instances/*/audit-report")
                    .hasAnyRole(authorities(AUDIT))
                    .requestMatchers("/api/process-instances/*/history")
                    .hasAnyRole(authorities(PROCESS_HISTORY))
                    .requestMatchers("/api/copilot/**")
                    .hasAnyRole(authorities(COPILOT))
                    .requestMatchers(HttpMethod.POST, "/api/knowledge/index")
                    .hasAnyRole(authorities(KNOWLEDGE_INDEX))
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(
                        jwt ->
                            jwt.jwtAuthenticationConverter(
                                Roles.authenticationConverter(properties.rolesClaim())))
                    .authenticationEntryPoint(problems.entryPoint())
                    .accessDeniedHandler(problems.accessDeniedHandler()))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(problems.entryPoint())
                    .accessDeniedHandler(problems.accessDeniedHandler()));
    return http.build();
  }

  /**
   * The web app's files and routes (GET or HEAD of anything outside {@code /api} and {@code
   * /actuator}): public, since the app signs in through the API and holds no data itself.
   */
  static boolean webApp(final HttpServletRequest request) {
    final String method = request.getMethod();
    if (!HttpMethod.GET.matches(method) && !HttpMethod.HEAD.matches(method)) {
      return false;
    }
    final String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.equals("/api")
        && !path.startsWith("/api/")
        && !path.equals("/actuator")
        && !path.startsWith("/actuator/");
  }

  private static String[] authorities(final String[] roles) {
    return Stream.of(roles).map(Roles::authorityName).toArray(String[]::new);
  }
}
