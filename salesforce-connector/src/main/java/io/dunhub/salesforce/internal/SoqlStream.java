package io.dunhub.salesforce.internal;

import com.sforce.soap.partner.QueryResult;
import com.sforce.ws.bind.XmlObject;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.connector.Watermark;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads one object incrementally with SOQL ordered by {@code SystemModstamp, Id}. The watermark is
 * {@code <SystemModstamp>|<Id>} of the last record delivered; a resumed read asks {@code queryAll}
 * for {@code SystemModstamp > t OR (SystemModstamp = t AND Id > id)}, so deletes ({@code IsDeleted
 * = true}) arrive in the same ordered stream as changes, and ties never lose or repeat a record.
 *
 * <p>One query serves many pages: the stream keeps the open query locator and the rest of the
 * current batch, and when the hub asks for the next page from the watermark it was just given, it
 * continues with {@code queryMore} instead of querying again. A full read therefore costs one call
 * per batch (2000 rows by default). An expired locator falls back to a fresh query.
 */
public final class SoqlStream implements SourceStream {
  private static final Duration CURSOR_TTL = Duration.ofMinutes(10);

  private final SalesforceClient client;
  private final String object;
  private final Supplier<List<String>> fields;
  private final Clock clock;
  private Cursor cursor;

  private static final class Cursor {
    Watermark after;
    final Deque<SourceRecord> buffer = new ArrayDeque<>();
    String locator;
    boolean done;
    Instant touched;
  }

  public SoqlStream(
      SalesforceClient client, String object, Supplier<List<String>> fields, Clock clock) {
    this.client = client;
    this.object = object;
    this.fields = fields;
    this.clock = clock;
  }

  @Override
  public synchronized Page readPage(Watermark watermark, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    Watermark from = watermark == null ? new Watermark("") : watermark;
    Cursor c = cursor;
    if (c == null
        || !c.after.equals(from)
        || Duration.between(c.touched, clock.instant()).compareTo(CURSOR_TTL) > 0) {
      c = open(from);
    }
    List<SourceRecord> page = new ArrayList<>(Math.min(limit, 2000));
    while (page.size() < limit) {
      if (c.buffer.isEmpty()) {
        if (c.done) {
          break;
        }
        more(c, from, page);
        continue;
      }
      page.add(c.buffer.poll());
    }
    if (page.isEmpty()) {
      cursor = null;
      return new Page(List.of(), from, false);
    }
    SourceRecord last = page.get(page.size() - 1);
    Watermark next = new Watermark(last.hostVersion() + "|" + last.hostId());
    boolean hasMore = !c.buffer.isEmpty() || !c.done;
    c.after = next;
    c.touched = clock.instant();
    cursor = hasMore ? c : null;
    return new Page(page, next, hasMore);
  }

  private Cursor open(Watermark from) {
    Cursor c = new Cursor();
    c.after = from;
    c.touched = clock.instant();
    String soql = soql(from);
    boolean all = !from.value().isEmpty();
    QueryResult result =
        client.call(
            object + " " + (all ? "queryAll" : "query"),
            p -> all ? p.queryAll(soql) : p.query(soql));
    take(c, result);
    cursor = c;
    return c;
  }

  private void more(Cursor c, Watermark pageStart, List<SourceRecord> page) {
    String locator = c.locator;
    try {
      take(c, client.call(object + " queryMore", p -> p.queryMore(locator)));
    } catch (ConnectorException e) {
      if (!(e.getCause() != null
          && "INVALID_QUERY_LOCATOR".equals(SalesforceErrors.code(e.getCause())))) {
        throw e;
      }
      Watermark resume =
          page.isEmpty()
              ? c.after
              : new Watermark(
                  page.get(page.size() - 1).hostVersion()
                      + "|"
                      + page.get(page.size() - 1).hostId());
      Cursor fresh = open(resume);
      c.buffer.addAll(fresh.buffer);
      c.locator = fresh.locator;
      c.done = fresh.done;
    }
  }

  private void take(Cursor c, QueryResult result) {
    if (result.getRecords() != null) {
      for (XmlObject r : result.getRecords()) {
        c.buffer.add(toRecord(r));
      }
    }
    c.done = result.isDone();
    c.locator = result.getQueryLocator();
  }

  private SourceRecord toRecord(XmlObject r) {
    var raw = SObjects.toJson(r);
    String id = raw.path("Id").asText(null);
    String modstamp = raw.path("SystemModstamp").asText(null);
    if (id == null || modstamp == null) {
      throw new ConfigurationException(
          object + ": a record came back without Id or SystemModstamp");
    }
    return new SourceRecord(
        object,
        id,
        modstamp,
        Instant.parse(modstamp),
        "true".equals(raw.path("IsDeleted").asText()),
        raw);
  }

  String soql(Watermark from) {
    Set<String> select = new LinkedHashSet<>(List.of("Id", "SystemModstamp", "IsDeleted"));
    select.addAll(fields.get());
    StringBuilder q =
        new StringBuilder("SELECT ")
            .append(String.join(", ", select))
            .append(" FROM ")
            .append(object);
    if (!from.value().isEmpty()) {
      int bar = from.value().indexOf('|');
      if (bar < 0) {
        throw new ConfigurationException(object + ": not a Salesforce watermark: " + from.value());
      }
      String at = from.value().substring(0, bar);
      String id = from.value().substring(bar + 1);
      Instant.parse(at);
      if (!id.matches("[A-Za-z0-9]{15,18}")) {
        throw new ConfigurationException(object + ": not a Salesforce id in the watermark: " + id);
      }
      q.append(" WHERE SystemModstamp > ")
          .append(at)
          .append(" OR (SystemModstamp = ")
          .append(at)
          .append(" AND Id > '")
          .append(id)
          .append("')");
    }
    return q.append(" ORDER BY SystemModstamp ASC, Id ASC").toString();
  }
}
