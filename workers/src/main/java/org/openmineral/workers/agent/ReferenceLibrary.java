package org.openmineral.workers.agent;

import java.util.List;

/**
 * Read-only semantic search over the reference texts (the clause library, operating procedures,
 * past deals) for agents' tools; the application answers it from its embedding index.
 */
public interface ReferenceLibrary {

  /**
   * One passage found, with where it comes from so an answer can cite it.
   *
   * @param collection e.g. {@code clauses}, {@code procedures}
   * @param document the document's name (file name without extension), e.g. {@code payables}
   * @param title the document's title and the passage's heading
   * @param text the passage
   * @param score cosine similarity to the query, -1..1
   */
  record Passage(String collection, String document, String title, String text, double score) {

    /** How an answer cites this passage: {@code collection/document#title}. */
    public String citation() {
      return collection + "/" + document + " (" + title + ")";
    }
  }

  /**
   * The {@code limit} passages most similar to {@code query}, best first.
   *
   * @param collection only this collection, or null for all
   * @throws IllegalStateException when the index is not built yet
   */
  List<Passage> search(String query, String collection, int limit);

  /** Whether the library has the document {@code collection/document}. */
  boolean has(String collection, String document);
}
