package org.openmineral.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the reference documents: Markdown files, one folder per collection. Each document is cut
 * into passages at its second-level headings ({@code ## }); a passage's title is the document's
 * first-level heading and the section's, and its text the section's paragraphs joined into one.
 */
final class ReferenceDocuments {

  /** One passage of a document. */
  record Passage(String collection, String document, String title, int index, String text) {

    /** What is embedded: title and text, so a query naming the clause finds it. */
    String embedded() {
      return title + ". " + text;
    }
  }

  private ReferenceDocuments() {}

  /** Every passage of every document of {@code collections} under {@code directory}, sorted. */
  static List<Passage> read(final Path directory, final List<String> collections) {
    final List<Passage> passages = new ArrayList<>();
    for (final String collection : collections) {
      final Path folder = directory.resolve(collection);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        for (final Path file :
            files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList()) {
          passages.addAll(passages(collection, file));
        }
      } catch (final IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return passages;
  }

  static List<Passage> passages(final String collection, final Path file) throws IOException {
    final String name = file.getFileName().toString().replaceFirst("\\.md$", "");
    return parse(collection, name, Files.readString(file, StandardCharsets.UTF_8));
  }

  static List<Passage> parse(final String collection, final String document, final String text) {
    String title = document;
    String heading = null;
    final StringBuilder body = new StringBuilder();
    final List<Passage> passages = new ArrayList<>();
    for (final String raw : text.split("\\R")) {
      final String line = raw.strip();
      if (line.startsWith("# ")) {
        title = line.substring(2).strip();
      } else if (line.startsWith("## ")) {
        add(passages, collection, document, title, heading, body);
        heading = line.substring(3).strip();
        body.setLength(0);
      } else if (!line.isEmpty()) {
        body.append(body.isEmpty() ? "" : " ").append(line);
      }
    }
    add(passages, collection, document, title, heading, body);
    return passages;
  }

  private static void add(
      final List<Passage> passages,
      final String collection,
      final String document,
      final String title,
      final String heading,
      final StringBuilder body) {
    if (body.isEmpty()) {
      return;
    }
    passages.add(
        new Passage(
            collection,
            document,
            heading == null ? title : title + ": " + heading,
            passages.size(),
            body.toString()));
  }
}
