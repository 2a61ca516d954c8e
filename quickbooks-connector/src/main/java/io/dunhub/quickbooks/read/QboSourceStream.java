package io.dunhub.quickbooks.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intuit.ipp.core.IEntity;
import com.intuit.ipp.data.EntityStatusEnum;
import com.intuit.ipp.data.IntuitEntity;
import com.intuit.ipp.services.QueryResult;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.connector.Watermark;
import io.dunhub.quickbooks.internal.QboGateway;
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
 * delivered. Once a page comes back short the stream is caught up and follows {@link CdcFeed},
 * which also reports deleted records; a CDC reply that may be cut short (1,000 objects) falls back
 * to a query page.
 */
public final class QboSourceStream implements SourceStream {

  static final int MAX_PAGE = 1000;
  private static final DateTimeFormatter QBO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private final String entity;
  private final QboGateway gateway;
  private final CdcFeed cdc;

  public QboSourceStream(String entity, QboGateway gateway, CdcFeed cdc) {
    this.entity = entity;
    this.gateway = gateway;
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
    StringBuilder q = new StringBuilder("SELECT * FROM ").append(entity);
    if (from.lastUpdated() != null) {
      q.append(" WHERE MetaData.LastUpdatedTime >= '")
          .append(format(from.lastUpdated()))
          .append('\'');
    }
    q.append(" ORDERBY MetaData.LastUpdatedTime, Id STARTPOSITION ")
        .append(from.atLastUpdated() + 1)
        .append(" MAXRESULTS ")
        .append(max);
    String statement = q.toString();
    QueryResult result =
        gateway.call("read " + entity + " page", null, ds -> ds.executeQuery(statement));
    List<? extends IEntity> entities =
        result.getEntities() == null ? List.of() : result.getEntities();
    List<SourceRecord> records = records(entities);
    return page(watermark, from, records, records.size() == max);
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
    return page(watermark, from, more ? after.subList(0, max) : after, more);
  }

  private static Page page(
      Watermark watermark, QboWatermark from, List<SourceRecord> records, boolean hasMore) {
    if (records.isEmpty()) {
      return new Page(records, watermark == null ? from.toWatermark() : watermark, false);
    }
    SourceRecord lastRecord = records.get(records.size() - 1);
    Instant last = lastRecord.lastModified();
    int ties = 0;
    for (SourceRecord r : records) {
      if (r.lastModified().equals(last)) {
        ties++;
      }
    }
    if (last.equals(from.lastUpdated())) {
      ties += from.atLastUpdated();
    }
    QboWatermark next = new QboWatermark(!hasMore, last, lastRecord.hostId(), ties);
    return new Page(records, next.toWatermark(), hasMore);
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
    if (!(e instanceof IntuitEntity entity) || entity.getId() == null) {
      throw new PermanentException("QuickBooks returned a " + this.entity + " without an Id");
    }
    boolean deleted = entity.getStatus() == EntityStatusEnum.DELETED;
    if (entity.getMetaData() == null || entity.getMetaData().getLastUpdatedTime() == null) {
      throw new PermanentException(
          "QuickBooks returned " + this.entity + " " + entity.getId() + " without LastUpdatedTime");
    }
    Instant updated = entity.getMetaData().getLastUpdatedTime().toInstant();
    return new SourceRecord(
        this.entity, entity.getId(), entity.getSyncToken(), updated, deleted, raw);
  }

  /** A time as QBO's query language and CDC take it. */
  static String format(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC).format(QBO_TIME);
  }
}
