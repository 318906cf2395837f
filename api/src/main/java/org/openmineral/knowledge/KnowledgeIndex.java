package org.openmineral.knowledge;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.openmineral.workers.agent.ReferenceLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The embedding index of the reference texts, stored in {@code retrieval_passage} ({@code
 * V13__agents.sql}) and searched in memory. Embeddings come from all-MiniLM-L6-v2 running in
 * process (ONNX, shipped inside LangChain4j's jar): no network, no external service. Vectors are
 * normalised to unit length, so cosine similarity is their dot product.
 *
 * <p>{@link #build()} brings the table up to date with the documents: a passage whose text (and
 * model) is unchanged keeps its stored vector, a new or changed one is embedded, a removed one is
 * deleted. It runs in the background once the application is ready (unless {@code
 * openmineral.knowledge.index-at-start=false}) and on demand; progress is logged.
 */
@Component
public class KnowledgeIndex implements ReferenceLibrary {
  public static final String MODEL = "all-MiniLM-L6-v2";
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeIndex.class);

  /** The state of the index, for the status endpoint. */
  public enum State {
    EMPTY,
    BUILDING,
    READY,
    FAILED
  }

  /** What the last build did. */
  public record Status(
      State state,
      int passages,
      int embedded,
      int reused,
      int removed,
      Instant builtAt,
      Duration took,
      String problem) {}

  private record Indexed(ReferenceDocuments.Passage passage, float[] vector) {}

  private final JdbcTemplate jdbc;
  private final KnowledgeProperties properties;
  private final AtomicReference<List<Indexed>> index = new AtomicReference<>(List.of());
  private final AtomicReference<Status> status =
      new AtomicReference<>(new Status(State.EMPTY, 0, 0, 0, 0, null, null, null));
  private volatile EmbeddingModel model;

  public KnowledgeIndex(final JdbcTemplate jdbc, final KnowledgeProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void buildInTheBackground() {
    if (properties.indexAtStart()) {
      Thread.ofVirtual().name("knowledge-index").start(this::buildQuietly);
    }
  }

  private void buildQuietly() {
    try {
      build();
    } catch (final RuntimeException e) {
      LOG.warn("Knowledge index not built: {}", e.getMessage(), e);
    }
  }

  public Status status() {
    return status.get();
  }

  /** Brings the index up to date with the documents; one build at a time. */
  public synchronized Status build() {
    final Instant started = Instant.now();
    status.set(new Status(State.BUILDING, 0, 0, 0, 0, null, null, null));
    try {
      final Path directory = locate(properties.directory());
      final List<ReferenceDocuments.Passage> passages =
          ReferenceDocuments.read(directory, properties.collections());
      LOG.info(
          "Knowledge index: {} passages in {} under {}",
          passages.size(),
          properties.collections(),
          directory);
      final Map<String, String> stored = storedHashes();
      final List<Indexed> built = new ArrayList<>();
      int embedded = 0;
      int reused = 0;
      for (final ReferenceDocuments.Passage passage : passages) {
        final String hash = hash(passage);
        float[] vector = hash.equals(stored.get(key(passage))) ? storedVector(passage) : null;
        if (vector == null) {
          vector = embed(passage.embedded());
          store(passage, vector, hash);
          embedded++;
          if (embedded % 10 == 0) {
            LOG.info("Knowledge index: {} of {} passages embedded", embedded, passages.size());
          }
        } else {
          reused++;
        }
        built.add(new Indexed(passage, vector));
      }
      final Set<String> current =
          passages.stream().map(KnowledgeIndex::key).collect(Collectors.toSet());
      int removed = 0;
      for (final String key : stored.keySet()) {
        if (!current.contains(key)) {
          final String[] parts = key.split("\u0000");
          removed +=
              jdbc.update(
                  "delete from retrieval_passage where collection = ? and document = ? and passage = ?",
                  parts[0],
                  parts[1],
                  Integer.parseInt(parts[2]));
        }
      }
      index.set(List.copyOf(built));
      final Status done =
          new Status(
              State.READY,
              built.size(),
              embedded,
              reused,
              removed,
              Instant.now(),
              Duration.between(started, Instant.now()),
              null);
      status.set(done);
      LOG.info(
          "Knowledge index ready: {} passages ({} embedded, {} unchanged, {} removed) in {} ms",
          done.passages(),
          embedded,
          reused,
          removed,
          done.took().toMillis());
      return done;
    } catch (final RuntimeException e) {
      status.set(
          new Status(
              State.FAILED,
              index.get().size(),
              0,
              0,
              0,
              null,
              Duration.between(started, Instant.now()),
              e.getMessage()));
      throw e;
    }
  }

  /**
   * Builds the index now unless it holds passages; waits for a build under way. A search before the
   * background build has finished so waits for it instead of failing.
   */
  public synchronized void ensureBuilt() {
    if (index.get().isEmpty()) {
      build();
    }
  }

  @Override
  public List<Passage> search(final String query, final String collection, final int limit) {
    if (index.get().isEmpty()) {
      ensureBuilt();
    }
    final List<Indexed> passages = index.get();
    if (passages.isEmpty()) {
      throw new IllegalStateException(
          "the knowledge index is not built yet (" + status.get().state() + ")");
    }
    final float[] q = embed(query);
    return passages.stream()
        .filter(p -> collection == null || p.passage().collection().equals(collection))
        .map(
            p ->
                new Passage(
                    p.passage().collection(),
                    p.passage().document(),
                    p.passage().title(),
                    p.passage().text(),
                    dot(q, p.vector())))
        .sorted(Comparator.comparingDouble(Passage::score).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public boolean has(final String collection, final String document) {
    if (index.get().isEmpty()) {
      ensureBuilt();
    }
    return index.get().stream()
        .anyMatch(
            p ->
                p.passage().collection().equals(collection)
                    && p.passage().document().equals(document));
  }

  /** The collections the index holds, with their passage counts. */
  public Map<String, Long> collections() {
    return index.get().stream()
        .collect(Collectors.groupingBy(p -> p.passage().collection(), Collectors.counting()));
  }

  private float[] embed(final String text) {
    EmbeddingModel m = model;
    if (m == null) {
      synchronized (this) {
        if (model == null) {
          final long start = System.nanoTime();
          model = new AllMiniLmL6V2EmbeddingModel();
          LOG.info(
              "Embedding model {} loaded in {} ms", MODEL, (System.nanoTime() - start) / 1_000_000);
        }
        m = model;
      }
    }
    return normalised(m.embed(text).content().vector());
  }

  static float[] normalised(final float[] vector) {
    double norm = 0;
    for (final float v : vector) {
      norm += v * v;
    }
    final double length = Math.sqrt(norm);
    final float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = length == 0 ? 0 : (float) (vector[i] / length);
    }
    return unit;
  }

  static double dot(final float[] a, final float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private Map<String, String> storedHashes() {
    final Map<String, String> hashes = new HashMap<>();
    jdbc.query(
        "select collection, document, passage, content_sha256 from retrieval_passage",
        rs -> {
          hashes.put(
              rs.getString(1) + "\u0000" + rs.getString(2) + "\u0000" + rs.getInt(3),
              rs.getString(4));
        });
    return hashes;
  }

  private float[] storedVector(final ReferenceDocuments.Passage passage) {
    final List<float[]> vectors =
        jdbc.query(
            "select embedding from retrieval_passage where collection = ? and document = ? and"
                + " passage = ?",
            (rs, i) -> {
              final Array array = rs.getArray(1);
              final Object[] values = (Object[]) array.getArray();
              final float[] vector = new float[values.length];
              for (int j = 0; j < values.length; j++) {
                vector[j] = ((Number) values[j]).floatValue();
              }
              return vector;
            },
            passage.collection(),
            passage.document(),
            passage.index());
    return vectors.isEmpty() ? null : vectors.get(0);
  }

  private void store(
      final ReferenceDocuments.Passage passage, final float[] vector, final String hash) {
    final Float[] boxed = new Float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      boxed[i] = vector[i];
    }
    jdbc.update(
        connection -> {
          final var statement =
              connection.prepareStatement(
                  """
                  insert into retrieval_passage
                    (collection, document, title, passage, text, embedding, model, content_sha256)
                  values (?, ?, ?, ?, ?, ?, ?, ?)
                  on conflict (collection, document, passage) do update set
                    title = excluded.title, text = excluded.text, embedding = excluded.embedding,
                    model = excluded.model, content_sha256 = excluded.content_sha256,
                    indexed_at = now()
                  """);
          statement.setString(1, passage.collection());
          statement.setString(2, passage.document());
          statement.setString(3, passage.title());
          statement.setInt(4, passage.index());
          statement.setString(5, passage.text());
          statement.setArray(6, connection.createArrayOf("float4", boxed));
          statement.setString(7, MODEL);
          statement.setString(8, hash);
          return statement;
        });
  }

  private static String key(final ReferenceDocuments.Passage passage) {
    return passage.collection() + "\u0000" + passage.document() + "\u0000" + passage.index();
  }

  private static String hash(final ReferenceDocuments.Passage passage) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(
                      (MODEL + "\u0000" + passage.title() + "\u0000" + passage.text())
                          .getBytes(StandardCharsets.UTF_8)));
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path locate(final Path configured) {
    if (configured.isAbsolute()) {
      return configured;
    }
    Path base = Path.of("").toAbsolutePath();
    while (base != null) {
      final Path candidate = base.resolve(configured);
      if (Files.isDirectory(candidate)) {
        return candidate.normalize();
      }
      base = base.getParent();
    }
    return configured.toAbsolutePath();
  }
}
