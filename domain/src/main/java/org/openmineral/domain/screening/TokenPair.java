package org.openmineral.domain.screening;

/**
 * One aligned pair of tokens: the screened name's token {@code query} (index in the screened name)
 * with the listed name's token {@code listed} (index in the listed name).
 *
 * @param query index of the token in the screened name
 * @param listed index of the token in the listed name
 * @param similarity {@link TokenSimilarity} of the two
 */
record TokenPair(int query, int listed, double similarity) {}
