package org.openmineral.engine.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints of the engine state (RocksDB checkpoints) under {@code state/checkpoints}, and the
 * working copy the engine runs on under {@code state/runtime}.
 *
 * <p>A checkpoint is made in a temporary folder, described by a {@code checkpoint.properties} file
 * written last, and then renamed into place, so a crash leaves either a whole checkpoint or a
 * temporary folder that the next start removes. A checkpoint is only used if the log still reaches
 * every record the checkpointed state depends on.
 */
public final class CheckpointStore {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
  private static final String PREFIX = "checkpoint-";
  private static final String TEMP_PREFIX = ".incomplete-";
  private static final String DESCRIPTOR = "checkpoint.properties";

  private final Path checkpoints;
  private final Path runtime;
  private final int kept;

  public CheckpointStore(final Path stateDirectory, final int kept) throws IOException {
    checkpoints = stateDirectory.resolve("checkpoints");
    runtime = stateDirectory.resolve("runtime");
    this.kept = kept;
    Files.createDirectories(checkpoints);
    try (Stream<Path> leftovers = Files.list(checkpoints)) {
      for (final Path path : leftovers.toList()) {
        if (path.getFileName().toString().startsWith(TEMP_PREFIX)) {
          deleteTree(path);
        }
      }
    }
  }

  /**
   * Prepares the runtime folder from the newest checkpoint the log can still replay from.
   *
   * @param logHighestPosition the last position in the log (-1 if empty)
   * @return the checkpoint used, or empty if the state starts empty and the whole log is replayed
   */
  public Optional<Checkpoint> prepareRuntime(final long logHighestPosition) throws IOException {
    deleteTree(runtime);
    for (final Checkpoint checkpoint : list()) {
      if (checkpoint.writtenPosition() > logHighestPosition) {
        LOG.warn(
            "State checkpoint {} depends on log position {}, but the log ends at {}: not used.",
            checkpoint.directory().getFileName(),
            checkpoint.writtenPosition(),
            logHighestPosition);
        continue;
      }
      copyTree(checkpoint.directory(), runtime);
      Files.deleteIfExists(runtime.resolve(DESCRIPTOR));
      return Optional.of(checkpoint);
    }
    Files.createDirectories(runtime.getParent());
    return Optional.empty();
  }

  public Path runtimeDirectory() {
    return runtime;
  }

  /** Valid checkpoints, newest first. */
  public List<Checkpoint> list() throws IOException {
    try (Stream<Path> entries = Files.list(checkpoints)) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith(PREFIX))
          .map(CheckpointStore::read)
          .flatMap(Optional::stream)
          .sorted(Comparator.comparingLong(Checkpoint::processedPosition).reversed())
          .toList();
    }
  }

  /**
   * Records a checkpoint: {@code snapshot} fills a fresh folder with the state, then the descriptor
   * is written and the folder moved into place; older checkpoints beyond the number kept are
   * removed.
   */
  public Checkpoint write(
      final long processedPosition, final long writtenPosition, final Consumer<Path> snapshot)
      throws IOException {
    final String name = PREFIX + "%020d".formatted(processedPosition);
    final Path temp = checkpoints.resolve(TEMP_PREFIX + name);
    deleteTree(temp);
    snapshot.accept(temp);
    final Properties descriptor = new Properties();
    descriptor.setProperty("processedPosition", Long.toString(processedPosition));
    descriptor.setProperty("writtenPosition", Long.toString(writtenPosition));
    descriptor.setProperty("createdAt", java.time.Instant.now().toString());
    try (var out = Files.newOutputStream(temp.resolve(DESCRIPTOR))) {
      descriptor.store(out, "OpenMineral engine state checkpoint");
    }
    final Path target = checkpoints.resolve(name);
    deleteTree(target);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    prune();
    return new Checkpoint(target, processedPosition, writtenPosition);
  }

  private void prune() throws IOException {
    final List<Checkpoint> all = list();
    for (int i = kept; i < all.size(); i++) {
      deleteTree(all.get(i).directory());
    }
  }

  private static Optional<Checkpoint> read(final Path directory) {
    final Path descriptor = directory.resolve(DESCRIPTOR);
    if (!Files.isRegularFile(descriptor)) {
      return Optional.empty();
    }
    final Properties properties = new Properties();
    try (var in = Files.newInputStream(descriptor)) {
      properties.load(in);
      return Optional.of(
          new Checkpoint(
              directory,
              Long.parseLong(properties.getProperty("processedPosition")),
              Long.parseLong(properties.getProperty("writtenPosition"))));
    } catch (final IOException | RuntimeException e) {
      LOG.warn("State checkpoint {} is unreadable and ignored: {}", directory, e.toString());
      return Optional.empty();
    }
  }

  static void copyTree(final Path from, final Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir)));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs)
              throws IOException {
            Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static void deleteTree(final Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (final IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  /**
   * One checkpoint.
   *
   * @param processedPosition last log position whose processing the state includes
   * @param writtenPosition last position the state's processing had written; the log must reach it
   */
  public record Checkpoint(Path directory, long processedPosition, long writtenPosition) {}
}
