package io.dunhub.quickbooks.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intuit.ipp.core.IEntity;
import com.intuit.ipp.data.EntityStatusEnum;
import com.intuit.ipp.data.IntuitEntity;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.connector.Watermark;
import io.dunhub.quickbooks.internal.QboJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One QuickBooks entity (Customer, Invoice, Payment) read in (LastUpdatedTime, Id) order.
 *
 * <p>Loading (and whenever the watermark is older than CDC's 30 days): query pages {@code SELECT *
 * FROM Invoice WHERE MetaData.LastUpdatedTime >= 't' ORDERBY MetaData.LastUpdatedTime, Id
 * STARTPOSITION n MAXRESULTS 1000}, where {@code n} skips the records at {@code t} already
 * delivered. The first page of a load is sent with a {@code SELECT COUNT(*)} in one batch call, so
 * the last page is known as the last even when it is full; the next page is fetched ahead while the
 * caller works on this one ({@link QueryPages}). Once the load is done the stream is caught up and
 * follows {@link CdcFeed}, which also reports deleted records; a CDC reply that may be cut short
 * (1,000 objects) falls back to a query page.
 */
public final class QboSourceStream implements SourceStream {

  static final int MAX_PAGE = 1000;
  private static final DateTimeFormatter QBO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private final String entity;
  private final CdcFeed cdc;
  private final QueryPages pages;

  public QboSourceStream(String entity, QueryPages pages, CdcFeed cdc) {
    this.entity = entity;
    this.pages = pages;
    this.cdc = cdc;
  }

  @Override
  public Page readPage(Watermark watermark, int limit) {
    QboWatermark from = QboWatermark.parse(watermark);
    int max = Math.max(1, Math.min(limit, MAX_PAGE));
    if (from.cdc() && cdc.reaches(from.lastUpdated())) {
      CdcFeed.Changes changes = cdc.changes(entity, from.lastUpdated());
      if (!changes.truncated()) {
        return fromChanges(watermark, from, changes.entities(), max);
      }
    }
    return fromQuery(watermark, from, max);
  }

  private Page fromQuery(Watermark watermark, QboWatermark from, int max) {
    String count =
        from.remaining() < 0 ? "SELECT COUNT(*) FROM " + entity + where(from.lastUpdated()) : null;
    QueryPages.Fetched fetched = pages.page(entity, statement(from, max), count);
    List<? extends IEntity> entities = fetched.entities();
    long remaining =
        count == null
            ? from.remaining()
            : fetched.total() < 0 ? -1 : fetched.total() - from.atLastUpdated();
    long left = remaining < 0 ? -1 : Math.max(0, remaining - entities.size());
    boolean hasMore = entities.size() == max && left != 0;
    if (entities.isEmpty()) {
      return new Page(List.of(), watermark == null ? from.toWatermark() : watermark, false);
    }
    List<Instant> times = new ArrayList<>(entities.size());
    for (IEntity e : entities) {
      times.add(lastUpdated(e));
    }
    QboWatermark next = advance(from, times, id(entities.get(entities.size() - 1)), hasMore, left);
    if (hasMore) {
      // on its way while this page is converted and stored
      pages.prefetch(entity, statement(next, max));
    }
    cdc.note(entity, next.lastUpdated());
    return new Page(records(entities), next.toWatermark(), hasMore);
  }

  private static String where(Instant lastUpdated) {
    return lastUpdated == null
        ? ""
        : " WHERE MetaData.LastUpdatedTime >= '" + format(lastUpdated) + "'";
  }

  private String statement(QboWatermark from, int max) {
    return "SELECT * FROM "
        + entity
        + where(from.lastUpdated())
        + " ORDERBY MetaData.LastUpdatedTime, Id STARTPOSITION "
        + (from.atLastUpdated() + 1)
        + " MAXRESULTS "
        + max;
  }

  private Page fromChanges(Watermark watermark, QboWatermark from, List<IEntity> changed, int max) {
    List<SourceRecord> after = new ArrayList<>();
    for (SourceRecord r : records(changed)) {
      if (from.isBefore(r.lastModified(), r.hostId())) {
        after.add(r);
      }
    }
    after.sort(
        Comparator.comparing(SourceRecord::lastModified)
            .thenComparing(SourceRecord::hostId, QboWatermark::compareIds));
    boolean more = after.size() > max;
    List<SourceRecord> records = more ? after.subList(0, max) : after;
    if (records.isEmpty()) {
      return new Page(records, watermark == null ? from.toWatermark() : watermark, false);
    }
    List<Instant> times = new ArrayList<>(records.size());
    records.forEach(r -> times.add(r.lastModified()));
    QboWatermark next = advance(from, times, records.get(records.size() - 1).hostId(), more, -1);
    return new Page(records, next.toWatermark(), more);
  }

  /** The position after records stamped {@code times} (in order), the last one being {@code id}. */
  private static QboWatermark advance(
      QboWatermark from, List<Instant> times, String lastId, boolean hasMore, long left) {
    Instant last = times.get(times.size() - 1);
    int ties = 0;
    for (Instant t : times) {
      if (t.equals(last)) {
        ties++;
      }
    }
    if (last.equals(from.lastUpdated())) {
      ties += from.atLastUpdated();
    }
    return new QboWatermark(!hasMore, last, lastId, ties, hasMore ? left : -1);
  }

  private List<SourceRecord> records(List<? extends IEntity> entities) {
    List<ObjectNode> raws = QboJson.toJson(entities);
    List<SourceRecord> records = new ArrayList<>(entities.size());
    for (int i = 0; i < entities.size(); i++) {
      records.add(record(entities.get(i), raws.get(i)));
    }
    return records;
  }

  private SourceRecord record(IEntity e, ObjectNode raw) {
    String id = id(e);
    IntuitEntity entity = (IntuitEntity) e;
    boolean deleted = entity.getStatus() == EntityStatusEnum.DELETED;
    return new SourceRecord(this.entity, id, entity.getSyncToken(), lastUpdated(e), deleted, raw);
  }

  private String id(IEntity e) {
    if (!(e instanceof IntuitEntity entity) || entity.getId() == null) {
      throw new PermanentException("QuickBooks returned a " + this.entity + " without an Id");
    }
    return entity.getId();
  }

  private Instant lastUpdated(IEntity e) {
    String id = id(e);
    IntuitEntity entity = (IntuitEntity) e;
    if (entity.getMetaData() == null || entity.getMetaData().getLastUpdatedTime() == null) {
      throw new PermanentException(
          "QuickBooks returned " + this.entity + " " + id + " without LastUpdatedTime");
    }
    return entity.getMetaData().getLastUpdatedTime().toInstant();
  }

  /** A time as QBO's query language and CDC take it. */
  static String format(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC).format(QBO_TIME);
  }
}
