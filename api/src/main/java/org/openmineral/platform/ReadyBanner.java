package org.openmineral.platform;

import org.openmineral.engine.EmbeddedEngine;
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

  ReadyBanner(final Environment environment, final ObjectProvider<EmbeddedEngine> engine) {
    this.environment = environment;
    this.engine = engine;
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
    LOG.info(
        """

        ==============================================================
          OpenMineral is ready
            Application : {}
            Health      : {}/actuator/health
            Engine      : {}
          Stop with Ctrl+C.
        ==============================================================""",
        base,
        base,
        engineLine);
  }
}
