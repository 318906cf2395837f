package org.openmineral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that start the whole application in its default mode (embedded engine, embedded
 * PostgreSQL, real HTTP). All subclasses share one application context and one data directory per
 * test JVM.
 */
@SpringBootTest(
    classes = OpenMineralApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApplicationTest {
  protected static final Path DATA_DIRECTORY = createDataDirectory();

  @DynamicPropertySource
  static void applicationProperties(final DynamicPropertyRegistry registry) {
    registry.add("openmineral.data-dir", DATA_DIRECTORY::toString);
  }

  private static Path createDataDirectory() {
    try {
      return Files.createTempDirectory("openmineral-test-");
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
