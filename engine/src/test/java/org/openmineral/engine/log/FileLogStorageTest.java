package org.openmineral.engine.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.logstreams.storage.LogStorage.AppendListener;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmineral.engine.log.FileLogStorage.FlushMode;

class FileLogStorageTest {
  @TempDir Path dir;

  @Test
  void blocksAreReadBackInOrderAfterReopening() throws Exception {
    final Path file = dir.resolve("p.log");
    try (FileLogStorage log = FileLogStorage.open(file, FlushMode.FSYNC)) {
      appendBlocks(log, 1, 50);
      assertThat(log.committedHighestPosition()).isEqualTo(50);
    }

    try (FileLogStorage log = FileLogStorage.open(file, FlushMode.FSYNC)) {
      assertThat(log.recovery().blocks()).isEqualTo(50);
      assertThat(log.recovery().truncatedBytes()).isZero();
      assertThat(readAll(log, -1)).hasSize(50).first().isEqualTo("block-1");
      assertThat(readAll(log, 37)).first().isEqualTo("block-37");
      // past the end: the last block, which is how the log stream finds where to continue
      assertThat(readAll(log, Long.MAX_VALUE)).containsExactly("block-50");
    }
  }

  @Test
  void aBlockThatDoesNotFollowTheLastPositionIsRefused() throws Exception {
    try (FileLogStorage log = FileLogStorage.open(dir.resolve("p.log"), FlushMode.OS_CACHE)) {
      appendBlocks(log, 1, 3);
      assertThatThrownBy(() -> log.append(2, 2, writer("again"), new AppendListener() {}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("does not follow position 3");
    }
  }

  @Test
  void aTornTailIsCutOffAndTheIntactBlocksKept() throws Exception {
    final Path file = dir.resolve("p.log");
    try (FileLogStorage log = FileLogStorage.open(file, FlushMode.OS_CACHE)) {
      appendBlocks(log, 1, 10);
    }
    final long intact = Files.size(file);
    // a crash in the middle of writing block 11: its header and part of its body reached disk
    final byte[] partial = frameOf(11, "block-11");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
      channel.write(ByteBuffer.wrap(partial, 0, partial.length - 6));
    }

    try (FileLogStorage log = FileLogStorage.open(file, FlushMode.OS_CACHE)) {
      assertThat(log.recovery().truncatedBytes()).isEqualTo(partial.length - 6);
      assertThat(log.recovery().problem()).isEqualTo("incomplete block");
      assertThat(log.committedHighestPosition()).isEqualTo(10);
      assertThat(Files.size(file)).isEqualTo(intact);
      assertThat(readAll(log, -1)).hasSize(10).last().isEqualTo("block-10");
      // and appending goes on from the intact end
      appendBlocks(log, 11, 11);
      assertThat(readAll(log, -1)).last().isEqualTo("block-11");
    }
  }

  @Test
  void aLastBlockWithABadChecksumIsCutOff() throws Exception {
    final Path file = dir.resolve("p.log");
    try (FileLogStorage log = FileLogStorage.open(file, FlushMode.FSYNC)) {
      appendBlocks(log, 1, 5);
    }
    flipByte(file, Files.size(file) - 8); // inside the last block's body

    try (FileLogStorage log = FileLogStorage.open(file, FlushMode.FSYNC)) {
      assertThat(log.recovery().problem()).isEqualTo("checksum mismatch");
      assertThat(log.committedHighestPosition()).isEqualTo(4);
      assertThat(readAll(log, -1)).hasSize(4);
    }
  }

  @Test
  void damageBeforeIntactBlocksRefusesToOpenInsteadOfDroppingCommittedRecords() throws Exception {
    final Path file = dir.resolve("p.log");
    try (FileLogStorage log = FileLogStorage.open(file, FlushMode.FSYNC)) {
      appendBlocks(log, 1, 20);
    }
    final long size = Files.size(file);
    flipByte(file, size / 2);

    assertThatThrownBy(() -> FileLogStorage.open(file, FlushMode.FSYNC))
        .isInstanceOf(CorruptLogException.class)
        .hasMessageContaining("intact blocks follow")
        .hasMessageContaining(file.toString());
    assertThat(Files.size(file)).isEqualTo(size);
  }

  @Test
  void readersSeeABlockOnlyOnceItIsCommitted() throws Exception {
    try (FileLogStorage log = FileLogStorage.open(dir.resolve("p.log"), FlushMode.FSYNC)) {
      final CountDownLatch committed = new CountDownLatch(1);
      final List<Long> writtenBeforeCommit = new ArrayList<>();
      log.append(
          1,
          1,
          writer("block-1"),
          new AppendListener() {
            @Override
            public void onWrite(final long index, final long highestPosition) {
              writtenBeforeCommit.add(log.committedHighestPosition());
            }

            @Override
            public void onCommit(final long index, final long highestPosition) {
              committed.countDown();
            }
          });
      assertThat(committed.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(writtenBeforeCommit).containsExactly(-1L);
      assertThat(log.committedHighestPosition()).isEqualTo(1);
    }
  }

  private static void appendBlocks(final FileLogStorage log, final int from, final int to)
      throws InterruptedException {
    final CountDownLatch committed = new CountDownLatch(to - from + 1);
    for (int position = from; position <= to; position++) {
      log.append(
          position,
          position,
          writer("block-" + position),
          new AppendListener() {
            @Override
            public void onCommit(final long index, final long highestPosition) {
              committed.countDown();
            }
          });
    }
    assertThat(committed.await(10, TimeUnit.SECONDS)).isTrue();
  }

  private static List<String> readAll(final FileLogStorage log, final long from) {
    final List<String> blocks = new ArrayList<>();
    final LogStorageReader reader = log.newReader();
    reader.seek(from);
    while (reader.hasNext()) {
      final DirectBuffer block = reader.next();
      blocks.add(block.getStringWithoutLengthUtf8(0, block.capacity()));
    }
    return blocks;
  }

  private static BufferWriter writer(final String content) {
    final byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return new BufferWriter() {
      @Override
      public int getLength() {
        return bytes.length;
      }

      @Override
      public int write(final MutableDirectBuffer buffer, final int offset) {
        buffer.putBytes(offset, bytes);
        return bytes.length;
      }
    };
  }

  private static byte[] frameOf(final long position, final String content) {
    final byte[] body = content.getBytes(StandardCharsets.UTF_8);
    final ByteBuffer frame =
        ByteBuffer.allocate(
            FileLogStorage.HEADER_BYTES + body.length + FileLogStorage.TRAILER_BYTES);
    frame.putInt(FileLogStorage.MAGIC).putInt(body.length).putLong(position).putLong(position);
    frame.put(body).putInt(0);
    return frame.array();
  }

  private static void flipByte(final Path file, final long offset) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      final ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ 0x5A));
      one.clear();
      channel.write(one, offset);
    }
  }
}
