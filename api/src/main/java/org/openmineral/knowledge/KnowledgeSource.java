package org.openmineral.knowledge;

import java.util.List;

/**
 * Reference texts held by the application rather than in files (past deals), indexed beside the
 * documents of {@link KnowledgeProperties#directory()}: each build asks every source for its
 * documents, one passage each.
 */
public interface KnowledgeSource {

  /**
   * One document of a source.
   *
   * @param document its id within the collection (e.g. the deal's id)
   * @param title what it is, in a line
   * @param text its text
   */
  record Document(String document, String title, String text) {}

  /** The collection the documents belong to (e.g. {@code deals}). */
  String collection();

  /** The documents as they are now. */
  List<Document> documents();
}
