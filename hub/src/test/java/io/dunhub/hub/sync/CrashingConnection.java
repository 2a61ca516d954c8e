package io.dunhub.hub.sync;

import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.connector.WriteOutcome;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection that fails the way a process or network does: reads of one stream die after a number
 * of pages, or a sink applies a batch and then loses the answer. Each fault fires once.
 */
final class CrashingConnection implements Connection {
  private final Connection delegate;
  private final String stream;
  private final AtomicInteger pagesBeforeCrash;
  private final AtomicInteger batchesToLose;

  private CrashingConnection(
      Connection delegate, String stream, int pagesBeforeCrash, int batchesToLose) {
    this.delegate = delegate;
    this.stream = stream;
    this.pagesBeforeCrash = new AtomicInteger(pagesBeforeCrash);
    this.batchesToLose = new AtomicInteger(batchesToLose);
  }

  /** Reads of {@code stream} throw after {@code pages} pages, once. */
  static CrashingConnection readsDieAfter(Connection delegate, String stream, int pages) {
    return new CrashingConnection(delegate, stream, pages, 0);
  }

  /** The first write batch to {@code hostObject} is applied, then the answer is lost. */
  static CrashingConnection loseFirstWriteAnswer(Connection delegate, String hostObject) {
    return new CrashingConnection(delegate, hostObject, -1, 1);
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public SourceStream source(String name) {
    SourceStream real = delegate.source(name);
    if (!name.equals(stream)) {
      return real;
    }
    return (watermark, limit) -> {
      if (pagesBeforeCrash.getAndDecrement() == 0) {
        throw new RetryableException(
            name() + ": read " + name + ": connection reset (injected crash)", null);
      }
      return real.readPage(watermark, limit);
    };
  }

  @Override
  public RecordSink sink(String hostObject) {
    RecordSink real = delegate.sink(hostObject);
    if (!hostObject.equals(stream)) {
      return real;
    }
    return new RecordSink() {
      @Override
      public WriteOutcome write(io.dunhub.core.connector.WriteRequest request) {
        return real.write(request);
      }

      @Override
      public List<WriteOutcome> writeBatch(List<io.dunhub.core.connector.WriteRequest> requests) {
        List<WriteOutcome> outcomes = real.writeBatch(requests);
        if (batchesToLose.getAndDecrement() > 0) {
          throw new RetryableException(
              name() + ": write " + hostObject + ": read timed out (injected)", null);
        }
        return outcomes;
      }
    };
  }
}
