package io.dunhub.quickbooks.read;

import com.intuit.ipp.core.IEntity;
import com.intuit.ipp.services.BatchOperation;
import com.intuit.ipp.services.QueryResult;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.quickbooks.internal.QboGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The query pages of one connection's streams, in as few calls and as little waiting as QBO allows:
 *
 * <ul>
 *   <li>the first page of a load travels with its {@code SELECT COUNT(*)} in one {@code batch}
 *       call, so the stream knows how many records are coming and stops after the last full page
 *       instead of asking for an empty one (QBO's query replies carry no total);
 *   <li>while the caller works on a page (the SDK's JSON conversion, the hub's transaction), the
 *       next page of the same stream is already being fetched. Its statement is exactly the one the
 *       next {@code readPage} builds from the returned watermark; a read from any other watermark,
 *       or after {@link #STALE}, ignores it. At most one page per stream is fetched ahead, and
 *       every fetch passes the connection's throttle like any other call.
 * </ul>
 */
public final class QueryPages implements AutoCloseable {

  /** A page fetched ahead and not used within this long is dropped (fetched again if wanted). */
  static final Duration STALE = Duration.ofSeconds(60);

  /** What a query call returned: the page's entities and, when counted, the total. */
  record Fetched(List<? extends IEntity> entities, long total) {}

  private record Ahead(String statement, Instant at, Future<Fetched> future) {}

  private final QboGateway gateway;
  private final Clock clock;
  private final ExecutorService executor;
  private final Map<String, Ahead> ahead = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public QueryPages(QboGateway gateway, Clock clock, String connection) {
    this.gateway = gateway;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "qbo-prefetch-" + connection + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * One page of {@code entity}: the page fetched ahead when its statement matches, else a call now.
   *
   * @param count a {@code SELECT COUNT(*)} to send along in one batch call, or null
   */
  Fetched page(String entity, String statement, String count) {
    Ahead a = ahead.remove(entity);
    if (a != null) {
      if (count == null
          && a.statement().equals(statement)
          && !clock.instant().isAfter(a.at().plus(STALE))) {
        try {
          return a.future().get();
        } catch (ExecutionException e) {
          // fetch again below: the call then fails (or succeeds) with its own retries and message
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RetryableException("interrupted while reading " + entity, e);
        }
      } else {
        a.future().cancel(false);
      }
    }
    return fetch(entity, statement, count);
  }

  /** Starts fetching the page {@code statement} will ask for next. */
  void prefetch(String entity, String statement) {
    if (closed) {
      return;
    }
    Future<Fetched> future;
    try {
      future = executor.submit(() -> fetch(entity, statement, null));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return;
    }
    Ahead old = ahead.put(entity, new Ahead(statement, clock.instant(), future));
    if (old != null) {
      old.future().cancel(false);
    }
  }

  private Fetched fetch(String entity, String statement, String count) {
    if (count == null) {
      QueryResult r =
          gateway.call("read " + entity + " page", null, ds -> ds.executeQuery(statement));
      return new Fetched(r.getEntities() == null ? List.of() : r.getEntities(), -1);
    }
    BatchOperation batch = new BatchOperation();
    batch.addQuery(statement, "page");
    batch.addQuery(count, "count");
    gateway.call(
        "read " + entity + " page and count",
        null,
        ds -> {
          ds.executeBatch(batch);
          return batch;
        });
    if (batch.isFault("page")) {
      throw new PermanentException(
          "read " + entity + " page was refused by QuickBooks: " + faultText(batch, "page"),
          faultText(batch, "page"),
          null);
    }
    QueryResult page = batch.getQueryResponse("page");
    if (page == null) {
      throw new RetryableException(
          "read " + entity + " page: QuickBooks' batch reply had no page", null, null, null);
    }
    QueryResult counted = batch.isFault("count") ? null : batch.getQueryResponse("count");
    long total = counted == null || counted.getTotalCount() == null ? -1 : counted.getTotalCount();
    return new Fetched(page.getEntities() == null ? List.of() : page.getEntities(), total);
  }

  private static String faultText(BatchOperation batch, String bId) {
    var fault = batch.getFault(bId);
    if (fault == null || fault.getError() == null || fault.getError().isEmpty()) {
      return "unknown fault";
    }
    var e = fault.getError().get(0);
    return e.getMessage()
        + (e.getDetail() == null ? "" : ": " + e.getDetail())
        + " (code "
        + e.getCode()
        + ")";
  }

  /** Stops fetching ahead; waits briefly for fetches in flight. */
  @Override
  public void close() {
    closed = true;
    ahead.values().forEach(a -> a.future().cancel(false));
    ahead.clear();
    executor.shutdown();
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
