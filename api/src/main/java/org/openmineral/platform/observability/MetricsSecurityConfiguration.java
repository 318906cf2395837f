package org.openmineral.platform.observability;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may scrape {@code /actuator/prometheus}. On the application's port (the default, and {@code
 * ./openmineral run}) it needs a bearer token like every endpoint but health and the login. On a
 * separate management port ({@code management.server.port}, 8081 in deploy/k8s) it is open: that
 * port is not routed by the Service or the Ingress, and the NetworkPolicy lets only the monitoring
 * namespace reach it. Every other request, on either port, keeps the API's rules.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsSecurityConfiguration {

  @Bean
  ManagementPortScrapeAccess managementPortScrapeAccess(
      @Value("${management.endpoints.web.base-path:/actuator}") final String basePath) {
    return new ManagementPortScrapeAccess(basePath);
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain prometheusScrapeOnManagementPort(
      final HttpSecurity http, final ManagementPortScrapeAccess scrapes) throws Exception {
    http.securityMatcher(scrapes)
        .csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    return http.build();
  }
}
