package org.openmineral.domain.screening;

/**
 * One name of the labelled quality set.
 *
 * @param query the name to screen
 * @param expectedEntryId the entry it was derived from, or {@code null} for a name not on the list
 * @param category how it was made, e.g. {@code typo}, {@code transliteration}, {@code faker-person}
 * @param source the listed name it was derived from, or {@code null}
 */
record LabelledName(String query, String expectedEntryId, String category, String source) {
  boolean listed() {
    return expectedEntryId != null;
  }
}
