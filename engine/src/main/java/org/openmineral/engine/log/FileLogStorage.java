package org.openmineral.engine.log;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's log: one append-only file of checksummed blocks, as the Zeebe stream processor hands
 * them over (each block holds one or more records with consecutive positions).
 *
 * <p>Frame layout, big-endian: {@code magic:int, length:int, lowestPosition:long,
 * highestPosition:long, block:length bytes, crc32c:int}; the CRC covers everything before it.
 *
 * <p>A block becomes visible to readers (and so to the stream processor) only once it is committed:
 * with {@link FlushMode#FSYNC} after a flusher thread has forced it to disk, batching whatever
 * arrived meanwhile; with {@link FlushMode#OS_CACHE} as soon as it is written, which survives the
 * process being killed but not the machine losing power. So nothing is processed, and no client
 * hears of it, before it is as durable as configured.
 *
 * <p>Opening scans the file. A torn or corrupt tail (an incomplete or mismatching last frame) is
 * cut off with a warning naming what was lost. A bad frame with intact frames after it is not a
 * tail: opening then fails, since truncating would drop records that were committed.
 */
public final class FileLogStorage implements LogStorage, AutoCloseable {

  /** When an appended block counts as committed. */
  public enum FlushMode {
    /** forced to the device (fdatasync) before it is committed; survives power loss */
    FSYNC,
    /** committed once in the operating system's page cache; survives a killed process */
    OS_CACHE
  }

  static final int MAGIC = 0x4F4D4C47; // "OMLG"
  static final int HEADER_BYTES = 4 + 4 + 8 + 8;
  static final int TRAILER_BYTES = 4;
  static final int MAX_BLOCK_BYTES = 64 * 1024 * 1024;
  private static final long INDEX_STRIDE_BYTES = 256 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(FileLogStorage.class);

  private final Path file;
  private final FileChannel channel;
  private final FlushMode flushMode;
  private final SparseIndex index = new SparseIndex(INDEX_STRIDE_BYTES);
  private final Set<CommitListener> commitListeners = new CopyOnWriteArraySet<>();
  private final RecoveryReport recovery;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition pendingFlush = lock.newCondition();
  private final List<PendingAppend> pending = new ArrayList<>();
  private final Thread flusher;
  private volatile boolean closed;

  /** End of the last block written (guarded by the single appending thread and {@link #lock}). */
  private long writeOffset;

  private long blocksWritten;
  private long lastAppendedPosition;

  /** End of the last committed block: readers never go past it. */
  private volatile long committedOffset;

  private volatile long committedHighestPosition;
  private volatile IOException failure;

  private FileLogStorage(final Path file, final FlushMode flushMode) throws IOException {
    this.file = file;
    this.flushMode = flushMode;
    Files.createDirectories(file.toAbsolutePath().getParent());
    channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    recovery = recover();
    writeOffset = recovery.validBytes();
    lastAppendedPosition = recovery.highestPosition();
    committedOffset = writeOffset;
    committedHighestPosition = recovery.highestPosition();
    if (flushMode == FlushMode.FSYNC) {
      flusher = Thread.ofPlatform().daemon().name("openmineral-log-flusher").start(this::flushLoop);
    } else {
      flusher = null;
    }
  }

  /**
   * Opens (or creates) the log file, checking every frame.
   *
   * @throws CorruptLogException if a frame in the middle of the file is damaged
   */
  public static FileLogStorage open(final Path file, final FlushMode flushMode) throws IOException {
    return new FileLogStorage(file, flushMode);
  }

  public Path file() {
    return file;
  }

  /** What opening found: the intact blocks and any tail that was cut off. */
  public RecoveryReport recovery() {
    return recovery;
  }

  /** Highest record position that readers can see; -1 for an empty log. */
  public long committedHighestPosition() {
    return committedHighestPosition;
  }

  public long sizeBytes() {
    return committedOffset;
  }

  private RecoveryReport recover() throws IOException {
    final long size = channel.size();
    long offset = 0;
    long blocks = 0;
    long lowest = -1;
    long highest = -1;
    String problem = null;
    while (offset < size) {
      final Frame frame = readFrame(offset, size, highest);
      if (frame.problem() != null) {
        problem = frame.problem();
        break;
      }
      if (lowest < 0) {
        lowest = frame.lowestPosition();
      }
      index.add(frame.lowestPosition(), offset);
      highest = frame.highestPosition();
      offset += frame.totalBytes();
      blocks++;
    }
    if (offset < size) {
      final long intactAfter = findIntactFrameAfter(offset, size, highest);
      if (intactAfter >= 0) {
        throw new CorruptLogException(
            "Engine log %s is corrupt at byte %d (%s) but intact blocks follow at byte %d: refusing to start, because cutting the log there would drop committed records. Restore the data directory from a backup, or move it aside to start empty."
                .formatted(file, offset, problem, intactAfter));
      }
      LOG.warn(
          "Engine log {}: the tail after byte {} is torn or corrupt ({}); cut off {} bytes. The log now ends at position {} ({} intact blocks).",
          file,
          offset,
          problem,
          size - offset,
          highest,
          blocks);
      channel.truncate(offset);
      channel.force(true);
    }
    return new RecoveryReport(blocks, lowest, highest, offset, size - offset, problem);
  }

  /** Reads and checks the frame at {@code offset}; its problem is non-null if it is not intact. */
  private Frame readFrame(final long offset, final long size, final long previousHighest)
      throws IOException {
    if (size - offset < HEADER_BYTES + TRAILER_BYTES) {
      return Frame.bad("incomplete frame header");
    }
    final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    readFully(header, offset);
    header.flip();
    final int magic = header.getInt();
    final int length = header.getInt();
    final long lo = header.getLong();
    final long hi = header.getLong();
    if (magic != MAGIC) {
      return Frame.bad("bad frame marker");
    }
    if (length <= 0 || length > MAX_BLOCK_BYTES) {
      return Frame.bad("implausible block length " + length);
    }
    if (offset + HEADER_BYTES + length + TRAILER_BYTES > size) {
      return Frame.bad("incomplete block");
    }
    if (lo > hi || lo <= previousHighest) {
      return Frame.bad("positions %d..%d do not follow %d".formatted(lo, hi, previousHighest));
    }
    final ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + length + TRAILER_BYTES);
    readFully(frame, offset);
    final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(frame.array(), 0, HEADER_BYTES + length);
    if ((int) crc.getValue() != frame.getInt(HEADER_BYTES + length)) {
      return Frame.bad("checksum mismatch");
    }
    return new Frame(lo, hi, HEADER_BYTES + length + TRAILER_BYTES, null);
  }

  private long findIntactFrameAfter(final long from, final long size, final long previousHighest)
      throws IOException {
    final ByteBuffer word = ByteBuffer.allocate(4);
    for (long candidate = from + 1; candidate + HEADER_BYTES + TRAILER_BYTES <= size; candidate++) {
      word.clear();
      readFully(word, candidate);
      if (word.getInt(0) == MAGIC
          && readFrame(candidate, size, previousHighest).problem() == null) {
        return candidate;
      }
    }
    return -1;
  }

  private void readFully(final ByteBuffer buffer, final long offset) throws IOException {
    long position = offset;
    while (buffer.hasRemaining()) {
      final int read = channel.read(buffer, position);
      if (read < 0) {
        throw new IOException("unexpected end of " + file + " at byte " + position);
      }
      position += read;
    }
  }

  @Override
  public LogStorageReader newReader() {
    return new Reader();
  }

  @Override
  public void append(
      final long lowestPosition,
      final long highestPosition,
      final BufferWriter bufferWriter,
      final AppendListener listener) {
    final int length = bufferWriter.getLength();
    final ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + length + TRAILER_BYTES);
    frame.putInt(MAGIC).putInt(length).putLong(lowestPosition).putLong(highestPosition);
    bufferWriter.write(new UnsafeBuffer(frame), HEADER_BYTES);
    final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(frame.array(), 0, HEADER_BYTES + length);
    frame.putInt(HEADER_BYTES + length, (int) crc.getValue());
    frame.clear();

    lock.lock();
    try {
      if (failure != null) {
        throw new UncheckedIOException("engine log " + file + " failed earlier", failure);
      }
      if (lowestPosition <= lastAppendedPosition || highestPosition < lowestPosition) {
        throw new IllegalStateException(
            "engine log %s: block %d..%d does not follow position %d"
                .formatted(file, lowestPosition, highestPosition, lastAppendedPosition));
      }
      final long start = writeOffset;
      long position = start;
      while (frame.hasRemaining()) {
        position += channel.write(frame, position);
      }
      index.add(lowestPosition, start);
      writeOffset = position;
      lastAppendedPosition = highestPosition;
      blocksWritten++;
      final PendingAppend append =
          new PendingAppend(blocksWritten, highestPosition, position, listener);
      listener.onWrite(append.index(), highestPosition);
      if (flushMode == FlushMode.FSYNC) {
        pending.add(append);
        pendingFlush.signal();
        return;
      }
      publish(List.of(append));
    } catch (final IOException e) {
      failure = e;
      throw new UncheckedIOException("cannot append to engine log " + file, e);
    } finally {
      if (lock.isHeldByCurrentThread()) {
        lock.unlock();
      }
    }
  }

  private void flushLoop() {
    final List<PendingAppend> batch = new ArrayList<>();
    while (!closed) {
      lock.lock();
      try {
        while (pending.isEmpty() && !closed) {
          pendingFlush.awaitUninterruptibly();
        }
        batch.addAll(pending);
        pending.clear();
      } finally {
        lock.unlock();
      }
      if (batch.isEmpty()) {
        continue;
      }
      try {
        channel.force(false);
      } catch (final IOException e) {
        failure = e;
        LOG.error("Engine log {}: forcing to disk failed; nothing more is committed", file, e);
        return;
      }
      publish(batch);
      batch.clear();
    }
  }

  private void publish(final List<PendingAppend> appends) {
    final PendingAppend last = appends.getLast();
    committedHighestPosition = last.highestPosition();
    committedOffset = last.endOffset();
    for (final PendingAppend append : appends) {
      append.listener().onCommit(append.index(), append.highestPosition());
    }
    commitListeners.forEach(CommitListener::onCommit);
  }

  /** Forces everything written so far to disk (used before a state checkpoint is recorded). */
  public void force() throws IOException {
    channel.force(false);
  }

  @Override
  public void addCommitListener(final CommitListener listener) {
    commitListeners.add(listener);
  }

  @Override
  public void removeCommitListener(final CommitListener listener) {
    commitListeners.remove(listener);
  }

  @Override
  public void close() throws IOException {
    closed = true;
    if (flusher != null) {
      lock.lock();
      try {
        pendingFlush.signalAll();
      } finally {
        lock.unlock();
      }
      try {
        flusher.join(5_000);
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (channel.isOpen()) {
      channel.force(true);
      channel.close();
    }
  }

  private record PendingAppend(
      long index, long highestPosition, long endOffset, AppendListener listener) {}

  private record Frame(long lowestPosition, long highestPosition, int totalBytes, String problem) {
    static Frame bad(final String problem) {
      return new Frame(-1, -1, 0, problem);
    }
  }

  /**
   * What opening the log found.
   *
   * @param blocks intact blocks kept
   * @param lowestPosition first record position, -1 if empty
   * @param highestPosition last record position, -1 if empty
   * @param validBytes bytes kept
   * @param truncatedBytes bytes cut off as a torn or corrupt tail
   * @param problem why the tail was cut, or null
   */
  public record RecoveryReport(
      long blocks,
      long lowestPosition,
      long highestPosition,
      long validBytes,
      long truncatedBytes,
      String problem) {}

  /** Reads committed blocks in order, each with two positional reads; safe on any thread. */
  private final class Reader implements LogStorageReader {
    private long nextOffset;

    /**
     * Positions at the block holding {@code position}, else at the last block below it (so past the
     * end, at the last block: that is how the log stream finds where to continue); before the first
     * block, at the first. The stream reader skips the records before the position.
     */
    @Override
    public void seek(final long position) {
      long offset = index.floorOffset(position);
      long found = offset;
      final long end = committedOffset;
      final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
      try {
        while (offset < end) {
          header.clear();
          readFully(header, offset);
          final int length = header.getInt(4);
          final long lo = header.getLong(8);
          final long hi = header.getLong(16);
          if (lo > position) {
            break;
          }
          found = offset;
          if (hi >= position) {
            break;
          }
          offset += HEADER_BYTES + length + TRAILER_BYTES;
        }
      } catch (final IOException e) {
        throw new UncheckedIOException(e);
      }
      nextOffset = found;
    }

    @Override
    public boolean hasNext() {
      return nextOffset < committedOffset;
    }

    @Override
    public DirectBuffer next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      try {
        final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        readFully(header, nextOffset);
        final int length = header.getInt(4);
        final ByteBuffer block = ByteBuffer.allocate(length);
        readFully(block, nextOffset + HEADER_BYTES);
        nextOffset += HEADER_BYTES + length + TRAILER_BYTES;
        return new UnsafeBuffer(block.array());
      } catch (final IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {}
  }
}
