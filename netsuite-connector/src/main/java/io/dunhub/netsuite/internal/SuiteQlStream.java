package io.dunhub.netsuite.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.connector.Watermark;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads one stream through SuiteQL with keyset paging: each page asks for rows after the last
 * (lastmodifieddate, id) it delivered, ordered the same way, so tables past SuiteQL's 100,000-row
 * offset limit read in full and a resumed read neither skips nor repeats. Timestamps travel as text
 * in the integration user's time zone (SuiteQL's own rendering), to the second.
 *
 * <p>The watermark is {@code "yyyy-MM-dd HH:mm:ss|id"}; empty means the beginning.
 */
public final class SuiteQlStream implements SourceStream {

  /** SuiteQL's largest page. */
  public static final int MAX_PAGE = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final NetSuiteHttp http;
  private final StreamQuery query;
  private final Set<Long> subsidiaries;
  private final ZoneId zone;
  private final Clock clock;
  private final Duration readLag;
  private final Prefetch prefetch;
  private final int prefetchPages;

  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "netsuite-prefetch");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param prefetch where this stream's pages fetched ahead are kept (one per connection and
   *     stream, so it outlives this object)
   * @param prefetchPages how many further pages a read may fetch at once (0: none)
   */
  public SuiteQlStream(
      NetSuiteHttp http,
      StreamQuery query,
      Set<Long> subsidiaries,
      ZoneId zone,
      Clock clock,
      Duration readLag,
      Prefetch prefetch,
      int prefetchPages) {
    this.http = http;
    this.query = query;
    this.subsidiaries = subsidiaries;
    this.zone = zone;
    this.clock = clock;
    this.readLag = readLag;
    this.prefetch = prefetch;
    this.prefetchPages = prefetchPages;
  }

  @Override
  public Page readPage(Watermark watermark, int limit) {
    String afterTime = null;
    Long afterId = null;
    String from = watermark == null ? "" : watermark.value();
    if (!from.isEmpty()) {
      int bar = from.indexOf('|');
      if (bar < 0) {
        throw new PermanentException(
            "read "
                + query.stream()
                + ": watermark '"
                + watermark
                + "' is not a NetSuite watermark");
      }
      afterTime = from.substring(0, bar);
      afterId = Long.valueOf(from.substring(bar + 1));
    }
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    String key = from + "#" + size;
    Prefetch.Fetched page = prefetch.take(key);
    if (page == null) {
      page = fetch(afterTime, afterId, size, key);
    } else {
      prefetch.remember(next(page.rows(), from) + "#" + size, page.remainingAfter());
    }
    List<ObjectNode> rows = page.rows();
    if (query.stream().equals("customerPayment") && !rows.isEmpty()) {
      attachApplications(rows);
    }
    List<SourceRecord> records = new ArrayList<>(rows.size());
    for (ObjectNode row : rows) {
      String modified = row.path("lastmodified").asText();
      records.add(
          new SourceRecord(
              query.stream(),
              row.path("id").asText(),
              modified,
              LocalDateTime.parse(modified, LOCAL).atZone(zone).toInstant(),
              false,
              row));
    }
    if (records.isEmpty()) {
      return new Page(records, watermark == null ? new Watermark("") : watermark, false);
    }
    return new Page(records, new Watermark(next(rows, from)), page.hasMore());
  }

  private static String next(List<ObjectNode> rows, String from) {
    if (rows.isEmpty()) {
      return from;
    }
    ObjectNode last = rows.get(rows.size() - 1);
    return last.path("lastmodified").asText() + "|" + last.path("id").asText();
  }

  /**
   * Fetches the page after the watermark. When an earlier reply told how many rows are left, it
   * fetches up to {@code prefetchPages} further pages of the same query at once, by offset, and
   * keeps them for the next reads: the query's upper time bound is the same for all, so the row set
   * can only shrink (a changed record moves past the bound), and when every reply reports the same
   * {@code totalResults} the set did not change and the pages line up exactly. Otherwise only the
   * first page is used.
   */
  private Prefetch.Fetched fetch(String afterTime, Long afterId, int size, String key) {
    String until = LOCAL.format(LocalDateTime.ofInstant(clock.instant().minus(readLag), zone));
    String q = query.page(afterTime, afterId, until, subsidiaries);
    long left = prefetch.remainingAt(key);
    int batch =
        left <= size || prefetchPages == 0
            ? 1
            : (int) Math.min(1 + prefetchPages, (left + size - 1) / size);
    if (batch == 1) {
      JsonNode reply = suiteQl(q, size, 0);
      Prefetch.Fetched first = fetched(reply);
      prefetch.remember(
          next(first.rows(), from(afterTime, afterId)) + "#" + size, first.remainingAfter());
      return first;
    }
    List<CompletableFuture<JsonNode>> replies = new ArrayList<>();
    for (int i = 0; i < batch; i++) {
      int offset = i * size;
      replies.add(CompletableFuture.supplyAsync(() -> suiteQl(q, size, offset), POOL));
    }
    JsonNode firstReply;
    try {
      firstReply = replies.get(0).join();
    } catch (CompletionException e) {
      replies.forEach(f -> f.cancel(true));
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    Prefetch.Fetched first = fetched(firstReply);
    long total = firstReply.path("totalResults").asLong(-1);
    Map<String, Prefetch.Fetched> ahead = new HashMap<>();
    Map<String, Long> leftAt = new HashMap<>();
    String previous = next(first.rows(), from(afterTime, afterId));
    leftAt.put(previous + "#" + size, first.remainingAfter());
    boolean consistent = first.rows().size() == size;
    for (int i = 1; i < batch && consistent; i++) {
      JsonNode reply;
      try {
        reply = replies.get(i).join();
      } catch (CompletionException e) {
        break;
      }
      if (reply.path("totalResults").asLong(-2) != total) {
        consistent = false;
        break;
      }
      Prefetch.Fetched page = fetched(reply);
      ahead.put(previous + "#" + size, page);
      previous = next(page.rows(), previous);
      leftAt.put(previous + "#" + size, page.remainingAfter());
      consistent = page.rows().size() == size;
    }
    if (!consistent) {
      ahead.clear();
      leftAt.clear();
      leftAt.put(next(first.rows(), from(afterTime, afterId)) + "#" + size, first.remainingAfter());
    }
    prefetch.keep(ahead, leftAt);
    return first;
  }

  private static String from(String afterTime, Long afterId) {
    return afterTime == null ? "" : afterTime + "|" + afterId;
  }

  private static Prefetch.Fetched fetched(JsonNode reply) {
    List<ObjectNode> rows = new ArrayList<>();
    for (JsonNode item : reply.path("items")) {
      ObjectNode row = ((ObjectNode) item).deepCopy();
      row.remove("links");
      rows.add(row);
    }
    long total = reply.path("totalResults").asLong(0);
    long offset = reply.path("offset").asLong(0);
    return new Prefetch.Fetched(
        rows, reply.path("hasMore").asBoolean(false), Math.max(0, total - offset - rows.size()));
  }

  private JsonNode suiteQl(String q, int limit, int offset) {
    ObjectNode body = JSON.createObjectNode().put("q", q);
    NetSuiteHttp.Reply reply =
        http.call(
            "POST",
            "/services/rest/query/v1/suiteql?limit=" + limit + "&offset=" + offset,
            body,
            "transient",
            status -> status == 200,
            "read " + query.stream());
    try {
      return JSON.readTree(reply.body());
    } catch (IOException e) {
      throw new PermanentException(
          "read " + query.stream() + ": NetSuite's SuiteQL reply is not JSON", null, e);
    }
  }

  /** Adds {@code apply: [{invoice, invoicetranid, amount}]} to each payment of the page. */
  private void attachApplications(List<ObjectNode> payments) {
    List<String> ids = new ArrayList<>();
    Map<String, ArrayNode> byPayment = new LinkedHashMap<>();
    for (ObjectNode p : payments) {
      ids.add(p.path("id").asText());
      byPayment.put(p.path("id").asText(), p.putArray("apply"));
    }
    JsonNode reply = suiteQl(StreamQuery.applications(ids), MAX_PAGE, 0);
    for (JsonNode item : reply.path("items")) {
      ArrayNode apply = byPayment.get(item.path("payment").asText());
      if (apply != null) {
        ObjectNode a = apply.addObject();
        a.put("invoice", item.path("invoice").asText());
        a.put("invoicetranid", item.path("invoicetranid").asText(null));
        a.put("amount", item.path("amount").asText());
      }
    }
    if (reply.path("hasMore").asBoolean(false)) {
      throw new PermanentException(
          "read customerPayment: a page of payments applies to more than 1,000 invoices;"
              + " read it with a smaller page");
    }
  }
}
