package org.openmineral;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** OpenMineral: the physical metals and minerals trade cycle on Camunda 8. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenMineralApplication {
  public static void main(final String[] args) {
    SpringApplication.run(OpenMineralApplication.class, args);
  }
}
