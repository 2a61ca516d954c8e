package io.dunhub.netsuite.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.connector.Watermark;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one stream through SuiteQL with keyset paging: each page asks for rows after the last
 * (lastmodifieddate, id) it delivered, ordered the same way, so tables past SuiteQL's 100,000-row
 * offset limit read in full and a resumed read neither skips nor repeats. Timestamps travel as text
 * in the integration user's time zone (SuiteQL's own rendering), to the second.
 *
 * <p>Once the live rows are read to the end, the same read goes on with the stream's deletions from
 * SuiteQL's {@code DeletedRecord} table, with their own keyset (deleted date, record id) inside the
 * watermark (see {@link StreamWatermark}); a deleted record comes as a {@link SourceRecord} with
 * {@code deleted} set. Records come in the shape of the REST record ({@link RestShape}).
 */
public final class SuiteQlStream implements SourceStream {

  /** SuiteQL's largest page. */
  public static final int MAX_PAGE = 1000;

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final NetSuiteHttp http;
  private final StreamQuery query;
  private final Set<Long> subsidiaries;
  private final ZoneId zone;
  private final Clock clock;
  private final Duration readLag;
  private final ReadAhead readAhead;

  /**
   * @param readAhead where this stream's pages fetched ahead are kept (one per connection and
   *     stream, so it outlives this object)
   */
  public SuiteQlStream(
      NetSuiteHttp http,
      StreamQuery query,
      Set<Long> subsidiaries,
      ZoneId zone,
      Clock clock,
      Duration readLag,
      ReadAhead readAhead) {
    this.http = http;
    this.query = query;
    this.subsidiaries = subsidiaries;
    this.zone = zone;
    this.clock = clock;
    this.readLag = readLag;
    this.readAhead = readAhead;
  }

  @Override
  public Page readPage(Watermark watermark, int limit) {
    StreamWatermark at = StreamWatermark.parse(watermark, query.stream());
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    String until = LOCAL.format(LocalDateTime.ofInstant(clock.instant().minus(readLag), zone));
    String from = at.live();
    ReadAhead.Fetched page = readAhead.next(from, size);
    if (page == null) {
      String q =
          query.page(
              at.liveTime(), at.liveTime() == null ? null : at.liveId(), until, subsidiaries);
      page = readAhead.start(from, size, suiteQl(q, size, 0), i -> suiteQl(q, size, i * size));
    }
    List<ObjectNode> rows = page.rows();
    List<SourceRecord> records = new ArrayList<>(rows.size());
    Map<String, ObjectNode> byId = new LinkedHashMap<>();
    LocalTimestamps times = new LocalTimestamps(zone);
    for (ObjectNode row : rows) {
      String modified = row.path("lastmodified").asText();
      Instant lastModified = times.instant(modified);
      ObjectNode raw = RestShape.of(query.stream(), row, times.iso());
      String id = row.path("id").asText();
      byId.put(id, raw);
      records.add(new SourceRecord(query.stream(), id, modified, lastModified, false, raw));
    }
    if (query.stream().equals("customerPayment") && !byId.isEmpty()) {
      attachApplications(byId);
    }
    StreamWatermark next = at.withDeletionsFrom(until);
    if (!rows.isEmpty()) {
      ObjectNode last = rows.get(rows.size() - 1);
      next = next.afterLive(last.path("lastmodified").asText(), last.path("id").asLong());
    }
    boolean more = page.hasMore();
    boolean deletionsDue = next.deletedTime().compareTo(until) < 0;
    if (!more && records.size() >= size && deletionsDue) {
      more = true; // the live rows are done but the page is full: deletions on the next read
    } else if (!more && deletionsDue) {
      JsonNode reply =
          suiteQl(
              query.deletions(next.deletedTime(), next.deletedId(), until),
              size - records.size(),
              0);
      for (JsonNode row : reply.path("items")) {
        String deleted = row.path("deleted").asText();
        Instant deletedAt = times.instant(deleted);
        String id = row.path("id").asText();
        records.add(
            new SourceRecord(
                query.stream(),
                id,
                "deleted " + deleted,
                deletedAt,
                true,
                RestShape.deleted(id, deletedAt)));
        next = next.afterDeleted(deleted, row.path("id").asLong());
      }
      more = reply.path("hasMore").asBoolean(false);
    }
    if (records.isEmpty()) {
      return new Page(records, watermark == null ? next.toWatermark() : watermark, false);
    }
    return new Page(records, next.toWatermark(), more);
  }

  /** The live keyset after {@code rows}, or {@code from} when there are none. */
  static String next(List<ObjectNode> rows, String from) {
    if (rows.isEmpty()) {
      return from;
    }
    ObjectNode last = rows.get(rows.size() - 1);
    return last.path("lastmodified").asText() + "|" + last.path("id").asText();
  }

  private JsonNode suiteQl(String q, int limit, int offset) {
    return http.suiteQl(q, limit, offset, "read " + query.stream());
  }

  /** Adds each payment's applications ({@code apply.items}) to the page's payments. */
  private void attachApplications(Map<String, ObjectNode> payments) {
    JsonNode reply =
        suiteQl(StreamQuery.applications(new ArrayList<>(payments.keySet())), MAX_PAGE, 0);
    for (JsonNode item : reply.path("items")) {
      ObjectNode payment = payments.get(item.path("payment").asText());
      if (payment != null) {
        RestShape.addApplication(
            payment,
            item.path("invoice").asText(),
            item.path("invoicetranid").asText(null),
            item.path("amount").asText());
      }
    }
    if (reply.path("hasMore").asBoolean(false)) {
      throw new PermanentException(
          "read customerPayment: a page of payments applies to more than 1,000 invoices;"
              + " read it with a smaller page");
    }
  }
}
