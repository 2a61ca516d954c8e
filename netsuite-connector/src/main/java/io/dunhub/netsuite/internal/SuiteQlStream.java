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

  public SuiteQlStream(
      NetSuiteHttp http,
      StreamQuery query,
      Set<Long> subsidiaries,
      ZoneId zone,
      Clock clock,
      Duration readLag) {
    this.http = http;
    this.query = query;
    this.subsidiaries = subsidiaries;
    this.zone = zone;
    this.clock = clock;
    this.readLag = readLag;
  }

  @Override
  public Page readPage(Watermark watermark, int limit) {
    String afterTime = null;
    Long afterId = null;
    if (watermark != null && !watermark.value().isEmpty()) {
      int bar = watermark.value().indexOf('|');
      if (bar < 0) {
        throw new PermanentException(
            "read "
                + query.stream()
                + ": watermark '"
                + watermark
                + "' is not a NetSuite watermark");
      }
      afterTime = watermark.value().substring(0, bar);
      afterId = Long.valueOf(watermark.value().substring(bar + 1));
    }
    String until = LOCAL.format(LocalDateTime.ofInstant(clock.instant().minus(readLag), zone));
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    JsonNode reply = suiteQl(query.page(afterTime, afterId, until, subsidiaries), size);
    List<ObjectNode> rows = new ArrayList<>();
    for (JsonNode item : reply.path("items")) {
      ObjectNode row = ((ObjectNode) item).deepCopy();
      row.remove("links");
      rows.add(row);
    }
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
    ObjectNode last = rows.get(rows.size() - 1);
    Watermark next =
        new Watermark(last.path("lastmodified").asText() + "|" + last.path("id").asText());
    return new Page(records, next, reply.path("hasMore").asBoolean(false));
  }

  private JsonNode suiteQl(String q, int limit) {
    ObjectNode body = JSON.createObjectNode().put("q", q);
    NetSuiteHttp.Reply reply =
        http.call(
            "POST",
            "/services/rest/query/v1/suiteql?limit=" + limit + "&offset=0",
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
    JsonNode reply = suiteQl(StreamQuery.applications(ids), MAX_PAGE);
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
