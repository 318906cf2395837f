package org.openmineral.platform;

import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.platform.security.DemoUsers;
import org.openmineral.platform.security.IssuerMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who ran {@code ./openmineral run} where to go once everything is up. */
@Component
class ReadyBanner {
  private static final Logger LOG = LoggerFactory.getLogger("openmineral");
  private final Environment environment;
  private final ObjectProvider<EmbeddedEngine> engine;
  private final ObjectProvider<DemoUsers> demoUsers;

  ReadyBanner(
      final Environment environment,
      final ObjectProvider<EmbeddedEngine> engine,
      final ObjectProvider<DemoUsers> demoUsers) {
    this.environment = environment;
    this.engine = engine;
    this.demoUsers = demoUsers;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready() {
    final String port = environment.getProperty("local.server.port", "8080");
    final String base = "http://localhost:" + port;
    final EmbeddedEngine embedded = engine.getIfAvailable();
    final String engineLine =
        embedded != null
            ? "embedded Zeebe on "
                + embedded.grpcAddress()
                + ", data in "
                + embedded.settings().dataDirectory().toAbsolutePath()
            : "Camunda cluster at "
                + environment.getProperty("camunda.client.grpc-address", "(SaaS)");
    final DemoUsers demo = demoUsers.getIfAvailable();
    final String usersLine =
        demo != null
            ? String.join(", ", demo.usernames())
                + "\n                  (demo users, password = username; token: POST "
                + base
                + "/api/auth/token)"
            : IssuerMode.external(environment)
                ? "bearer tokens from the identity provider"
                : "openmineral.security.users; token: POST " + base + "/api/auth/token";
    LOG.info(
        """

        ==============================================================
          OpenMineral is ready
            Application : {}
            Health      : {}/actuator/health
            Engine      : {}
            Users       : {}
          Stop with Ctrl+C.
        ==============================================================""",
        base,
        base,
        engineLine,
        usersLine);
  }
}
