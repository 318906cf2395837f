package org.openmineral.benchmarks.lifecycle;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application (its Spring Boot jar) as a child process on one data directory and fixed
 * ports, so that it can be killed hard and started again on the same state, as a crash and a
 * restart by a supervisor would. Its output goes to {@code app.log} in the data directory, appended
 * across restarts.
 */
final class AppProcess implements AutoCloseable {
  /** What a run does with the started application; true if every check held. */
  interface Run {
    boolean run() throws Exception;
  }

  private final List<String> command;
  private final Path data;
  private final Path log;
  private final int httpPort;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private Process process;
  private int starts;

  AppProcess(
      final String java,
      final List<String> jvmFlags,
      final Path jar,
      final Path data,
      final List<String> appArguments)
      throws IOException {
    this.data = data;
    this.log = data.resolve("app.log");
    this.httpPort = freePort();
    final int enginePort = freePort();
    final List<String> c = new ArrayList<>();
    c.add(java);
    c.addAll(jvmFlags);
    c.add("-jar");
    c.add(jar.toString());
    c.add("--server.port=" + httpPort);
    c.add("--openmineral.engine.port=" + enginePort);
    c.add("--openmineral.data-dir=" + data);
    c.addAll(appArguments);
    this.command = List.copyOf(c);
  }

  /**
   * The packaged application as {@code ./openmineral bench} asks for it (system properties {@code
   * openmineral.root}, {@code openmineral.app-jar}, {@code openmineral.java}, {@code
   * openmineral.app-jvm-flags}), on a fresh data directory named with {@code dataPrefix}, with the
   * repository's models and {@code extraArguments}.
   */
  static AppProcess forBench(final String dataPrefix, final List<String> extraArguments)
      throws IOException {
    final Path root = Path.of(System.getProperty("openmineral.root", ".")).toAbsolutePath();
    final List<String> jvmFlags =
        Stream.of(System.getProperty("openmineral.app-jvm-flags", "").trim().split("\\s+"))
            .filter(f -> !f.isEmpty())
            .toList();
    final List<String> arguments = new ArrayList<>();
    arguments.add(repositoryModels(root));
    arguments.addAll(extraArguments);
    return new AppProcess(
        System.getProperty("openmineral.java", "java"),
        jvmFlags,
        Path.of(System.getProperty("openmineral.app-jar")),
        Files.createTempDirectory(dataPrefix),
        arguments);
  }

  /** The argument that deploys the repository's BPMN, DMN and form files at start. */
  static String repositoryModels(final Path root) {
    return "--openmineral.deployment.locations=file:"
        + root
        + "/bpmn/**/*.bpmn,file:"
        + root
        + "/bpmn/**/*.dmn,file:"
        + root
        + "/forms/**/*.form";
  }

  /**
   * Starts the application, runs {@code run}, stops the application and exits with 0 if the run
   * held, 1 if not. The data directory is deleted after a run that held and kept (its path printed)
   * otherwise, for the application log and the database.
   */
  static void runAndExit(final AppProcess app, final Run run) throws Exception {
    boolean ok = false;
    try (app) {
      System.out.printf("  started in %.1f s%n", app.start(Duration.ofMinutes(3)));
      ok = run.run();
    } finally {
      if (ok) {
        deleteTree(app.data);
      } else {
        System.out.println("  data directory and application log kept in " + app.data);
      }
    }
    System.exit(ok ? 0 : 1);
  }

  /** Deletes a directory with everything in it; says so on stderr if it cannot. */
  static void deleteTree(final Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (final Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (final IOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }

  Path data() {
    return data;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  Path log() {
    return log;
  }

  int starts() {
    return starts;
  }

  /** The running application's JVM. */
  ProcessHandle jvm() {
    return process.toHandle();
  }

  /** The embedded PostgreSQL's processes: the postmaster and its children (none if not running). */
  List<ProcessHandle> postgres() throws IOException {
    final Optional<ProcessHandle> postmaster = postmaster().filter(ProcessHandle::isAlive);
    if (postmaster.isEmpty()) {
      return List.of();
    }
    final List<ProcessHandle> all = new ArrayList<>();
    all.add(postmaster.get());
    postmaster.get().descendants().forEach(all::add);
    return all;
  }

  /** Starts the application and waits until its health answers UP; returns the seconds taken. */
  double start(final Duration timeout) throws IOException, InterruptedException {
    final long t0 = System.nanoTime();
    Files.writeString(
        log,
        "\n===== start " + (starts + 1) + " =====\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    starts++;
    final long deadline = t0 + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the application exited with " + process.exitValue() + "; see " + log);
      }
      if (healthy()) {
        return (System.nanoTime() - t0) / 1e9;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the application was not healthy within " + timeout);
  }

  private boolean healthy() throws InterruptedException {
    try {
      final HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base().resolve("/actuator/health"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 && r.body().contains("\"UP\"");
    } catch (final IOException e) {
      return false;
    }
  }

  /**
   * Kills the application with SIGKILL: no shutdown hook, no graceful stop, work in flight lost.
   * With {@code withDatabase} the embedded PostgreSQL's postmaster (a separate process the JVM
   * started) is killed the same way, as when the whole machine or container goes down; without, it
   * is left running as an orphan, which the next start has to deal with.
   */
  void kill(final boolean withDatabase) throws Exception {
    final Optional<ProcessHandle> postgres = withDatabase ? postmaster() : Optional.empty();
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the application did not die");
    }
    if (postgres.isPresent()) {
      final ProcessHandle p = postgres.get();
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.onExit().get(30, TimeUnit.SECONDS);
    }
  }

  private Optional<ProcessHandle> postmaster() throws IOException {
    final Path pid = data.resolve("postgres").resolve("postmaster.pid");
    if (!Files.isRegularFile(pid)) {
      return Optional.empty();
    }
    final String first = Files.readAllLines(pid).stream().findFirst().orElse("").trim();
    try {
      return ProcessHandle.of(Long.parseLong(first));
    } catch (final NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Stops the application gracefully (SIGTERM) and waits for it. */
  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
