package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.engine.processing.streamprocessor.JobStreamer;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.stream.api.InterPartitionCommandSender;
import io.camunda.zeebe.util.buffer.BufferWriter;
import io.grpc.BindableService;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;

/**
 * OpenMineral's only class in the zeebe-process-test-engine package: it assembles that library's
 * package-private gRPC gateway (the Zeebe gateway protocol mapped onto log commands) so that the
 * embedded engine in {@code org.openmineral.engine} can run it over its own durable log and state.
 *
 * <p>Two things differ from the test library's own wiring, both needed once the log outlives the
 * process: request ids start at a per-session base, so that a command written before a restart can
 * never be answered to a different caller after it; and responses to requests that this session
 * does not know are dropped instead of failing the stream processor's side effects (which it would
 * retry forever).
 */
public final class GatewayBridge {

  private final CommandWriter commandWriter;
  private final CommandSender commandSender;
  private final InMemoryJobStreamer jobStreamer;
  private final GrpcToLogStreamGateway gateway;
  private final SessionRequestStore requestStore;
  private final CommandResponseWriter responseWriter;

  public GatewayBridge(final LogStreamWriter writer, final int partitionId, final int port) {
    commandWriter = new CommandWriter(writer);
    commandSender = new CommandSender(commandWriter);
    jobStreamer = new InMemoryJobStreamer(commandWriter);
    requestStore = new SessionRequestStore(System.currentTimeMillis() << 20);
    gateway =
        new GrpcToLogStreamGateway(commandWriter, partitionId, 1, port, requestStore, jobStreamer);
    responseWriter =
        new KnownRequestsOnly(new GrpcResponseWriter(gateway, requestStore, null), requestStore);
  }

  public BindableService grpcService() {
    return gateway;
  }

  public CommandResponseWriter responseWriter() {
    return responseWriter;
  }

  public InterPartitionCommandSender commandSender() {
    return commandSender;
  }

  public JobStreamer jobStreamer() {
    return jobStreamer;
  }

  /** Requests of this session only; ids never repeat across restarts of the same data. */
  static final class SessionRequestStore extends GatewayRequestStore {
    private final Map<Long, Request> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids;

    SessionRequestStore(final long base) {
      ids = new AtomicLong(base);
    }

    @Override
    Long registerNewRequest(
        final Class<? extends com.google.protobuf.GeneratedMessage> requestType,
        final StreamObserver<?> responseObserver) {
      final long id = ids.incrementAndGet();
      pending.put(id, new Request(requestType, responseObserver));
      return id;
    }

    @Override
    Request removeRequest(final Long requestId) {
      return pending.remove(requestId);
    }

    boolean isPending(final long requestId) {
      return pending.containsKey(requestId);
    }
  }

  /** Drops responses whose caller is not waiting in this session (e.g. written before a crash). */
  static final class KnownRequestsOnly implements CommandResponseWriter {
    private final CommandResponseWriter delegate;
    private final SessionRequestStore requests;

    KnownRequestsOnly(final CommandResponseWriter delegate, final SessionRequestStore requests) {
      this.delegate = delegate;
      this.requests = requests;
    }

    @Override
    public CommandResponseWriter partitionId(final int partitionId) {
      delegate.partitionId(partitionId);
      return this;
    }

    @Override
    public CommandResponseWriter key(final long key) {
      delegate.key(key);
      return this;
    }

    @Override
    public CommandResponseWriter intent(final Intent intent) {
      delegate.intent(intent);
      return this;
    }

    @Override
    public CommandResponseWriter recordType(final RecordType type) {
      delegate.recordType(type);
      return this;
    }

    @Override
    public CommandResponseWriter valueType(final ValueType valueType) {
      delegate.valueType(valueType);
      return this;
    }

    @Override
    public CommandResponseWriter rejectionType(final RejectionType rejectionType) {
      delegate.rejectionType(rejectionType);
      return this;
    }

    @Override
    public CommandResponseWriter rejectionReason(final DirectBuffer rejectionReason) {
      delegate.rejectionReason(rejectionReason);
      return this;
    }

    @Override
    public CommandResponseWriter valueWriter(final BufferWriter value) {
      delegate.valueWriter(value);
      return this;
    }

    @Override
    public void tryWriteResponse(final int requestStreamId, final long requestId) {
      if (requests.isPending(requestId)) {
        delegate.tryWriteResponse(requestStreamId, requestId);
      }
    }
  }
}
