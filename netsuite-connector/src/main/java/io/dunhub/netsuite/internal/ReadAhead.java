package io.dunhub.netsuite.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * Reads one stream ahead of the hub, kept by the connection between reads (one per stream).
 *
 * <p>A <em>run</em> is one keyset query (one upper time bound, one lower keyset bound) read page by
 * page by offset. Its first page is fetched when the hub asks; from that reply's {@code
 * totalResults} the run knows how many pages it has, and from the second read on it keeps up to
 * {@code depth} further pages in flight while the hub writes the pages it has. All pages of a run
 * share the upper time bound, so its row set can only shrink while they are fetched (a record
 * changed meanwhile moves past the bound, a deleted one leaves): a page whose {@code totalResults}
 * equals the first page's was cut from the same rows, so the pages line up exactly with a
 * sequential keyset read. Otherwise, or when the hub asks from another watermark, the run is
 * dropped and the next read starts a new run from the watermark it was given. A run stops short of
 * SuiteQL's 100,000-row offset limit; the next run goes on by keyset. When a run's last page is
 * full and SuiteQL says there is no more, the page after it is empty without asking.
 */
public final class ReadAhead {

  /** SuiteQL refuses offsets from here on. */
  static final int MAX_OFFSET = 100_000;

  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "netsuite-read-ahead");
            t.setDaemon(true);
            return t;
          });

  /** A page as read: its rows (SuiteQL items), SuiteQL's {@code hasMore}. */
  record Fetched(List<ObjectNode> rows, boolean hasMore) {}

  /** One query read by offset. */
  private static final class Run {
    final int size;
    final long total;
    final int pages;
    final IntFunction<JsonNode> page;
    final List<CompletableFuture<JsonNode>> replies = new ArrayList<>();
    int served;
    String expectedKey;
    boolean endedFull;

    Run(int size, long total, int pages, IntFunction<JsonNode> page) {
      this.size = size;
      this.total = total;
      this.pages = pages;
      this.page = page;
    }
  }

  private final int depth;
  private Run run;

  /**
   * @param depth pages kept in flight ahead of the one the hub has (0: no reading ahead)
   */
  public ReadAhead(int depth) {
    this.depth = depth;
  }

  /**
   * The page after {@code key} from the current run, waiting for it if it is still in flight; null
   * when the run cannot give it (none, another watermark or page size, used up, or its rows
   * changed): then read it with {@link #start}.
   */
  synchronized Fetched next(String key, int size) {
    Run r = run;
    if (r == null || r.size != size || !key.equals(r.expectedKey)) {
      run = null;
      return null;
    }
    if (r.endedFull) {
      // the last page was full and said there is no more: the page after it is empty
      run = null;
      return new Fetched(List.of(), false);
    }
    if (r.served + 1 >= r.pages) {
      run = null;
      return null;
    }
    int index = r.served + 1;
    schedule(r, index);
    JsonNode reply;
    try {
      reply = r.replies.get(index).join();
    } catch (CompletionException e) {
      run = null; // read it again in the hub's own thread, where its error belongs
      return null;
    }
    if (reply.path("totalResults").asLong(-1) != r.total) {
      run = null;
      return null;
    }
    Fetched f = fetched(reply);
    r.served = index;
    r.expectedKey = SuiteQlStream.next(f.rows(), key);
    r.endedFull = endedFull(f, size);
    schedule(r, index + 1);
    return f;
  }

  /**
   * Starts a run with its first page, already read; the next read fetches further pages ahead.
   *
   * @param key the watermark the first page was read after
   * @param page reads the run's page at an index (offset = index × size)
   */
  synchronized Fetched start(String key, int size, JsonNode first, IntFunction<JsonNode> page) {
    Fetched f = fetched(first);
    long total = first.path("totalResults").asLong(-1);
    if (depth == 0 || total < 0 || (!f.hasMore() && !endedFull(f, size))) {
      run = null;
      return f;
    }
    int pages = (int) Math.min((total + size - 1) / size, MAX_OFFSET / size);
    Run r = new Run(size, total, pages, page);
    r.replies.add(CompletableFuture.completedFuture(first));
    r.served = 0;
    r.expectedKey = SuiteQlStream.next(f.rows(), key);
    r.endedFull = endedFull(f, size);
    run = r;
    // pages are fetched ahead from the second read on: a caller that reads one page only (a
    // check, a worker with a small page) costs one call
    return f;
  }

  /** Makes sure pages {@code from} … {@code from + depth - 1} (within the run) are under way. */
  private void schedule(Run r, int from) {
    int last = Math.min(r.pages - 1, from + depth - 1);
    for (int i = r.replies.size(); i <= last; i++) {
      int index = i;
      r.replies.add(CompletableFuture.supplyAsync(() -> r.page.apply(index), POOL));
    }
  }

  /**
   * A full page that says there is no more: the caller may want to read on (deletions), and the
   * next page is known to be empty without asking.
   */
  private static boolean endedFull(Fetched f, int size) {
    return !f.hasMore() && f.rows().size() == size;
  }

  static Fetched fetched(JsonNode reply) {
    List<ObjectNode> rows = new ArrayList<>(reply.path("items").size());
    for (JsonNode item : reply.path("items")) {
      rows.add((ObjectNode) item);
    }
    return new Fetched(rows, reply.path("hasMore").asBoolean(false));
  }
}
