package org.openmineral.engine.log;

import java.util.Arrays;

/**
 * Maps record positions to file offsets, keeping one entry per stride of bytes rather than one per
 * block, so the index stays small however long the log grows; a seek scans at most one stride of
 * frame headers from the entry it finds.
 */
final class SparseIndex {
  private final long strideBytes;
  private long[] positions = new long[256];
  private long[] offsets = new long[256];
  private volatile int size;
  private long lastIndexedOffset = Long.MIN_VALUE;

  SparseIndex(final long strideBytes) {
    this.strideBytes = strideBytes;
  }

  /** Called by the single appending thread, in increasing order of position and offset. */
  synchronized void add(final long lowestPosition, final long offset) {
    if (size > 0 && offset - lastIndexedOffset < strideBytes) {
      return;
    }
    if (size == positions.length) {
      positions = Arrays.copyOf(positions, size * 2);
      offsets = Arrays.copyOf(offsets, size * 2);
    }
    positions[size] = lowestPosition;
    offsets[size] = offset;
    lastIndexedOffset = offset;
    size++;
  }

  /** Offset of the last indexed block starting at or before the position (0 if none). */
  synchronized long floorOffset(final long position) {
    int low = 0;
    int high = size - 1;
    long found = 0;
    while (low <= high) {
      final int mid = (low + high) >>> 1;
      if (positions[mid] <= position) {
        found = offsets[mid];
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }
}
