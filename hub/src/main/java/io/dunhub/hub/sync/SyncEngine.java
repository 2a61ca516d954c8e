package io.dunhub.hub.sync;

import io.dunhub.core.connector.Capabilities;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.SinkSpec;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.connector.StreamSpec;
import io.dunhub.core.connector.Watermark;
import io.dunhub.core.mapping.InboundMapping;
import io.dunhub.core.mapping.OutboundMapping;
import io.dunhub.core.model.EntityType;
import io.dunhub.hub.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the canonical store and every connection in step.
 *
 * <p><b>Inbound</b>, per connection and stream: read a page after the stored watermark, map it,
 * link and merge it into canonical records and references, queue the changes for the other
 * connections and save the page's watermark — all in one transaction per page, so a crash resumes
 * from the last committed page with nothing lost and nothing twice. Then the parked records of the
 * stream that are due are tried again.
 *
 * <p><b>Outbound</b>, per connection and entity: the queued canonical changes are written through
 * the connection's sink (see {@link OutboundWriter}).
 *
 * <p>{@link #syncConnection} runs every stream of a connection (parties, contacts, invoices,
 * payments), then writes every entity queued for it. A run that fails (host down, credentials
 * refused) stops that stream and says why in its report; what was committed stays.
 */
public final class SyncEngine {

  private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
  private static final int LOOKUP_CACHE = 250_000;

  private final Store store;
  private final Jdbi jdbi;
  private final ConnectionRegistry registry;
  private final Clock clock;
  private final SyncOptions options;
  private final SyncTables tables;
  private final Watermarks watermarks;
  private final SyncRuns runs;
  private final StreamLease lease;
  private final SyncListener listener;
  private final SyncProgress observer;

  public SyncEngine(Store store, ConnectionRegistry registry, Clock clock) {
    this(store, registry, clock, SyncOptions.defaults());
  }

  public SyncEngine(Store store, ConnectionRegistry registry, Clock clock, SyncOptions options) {
    this(store, registry, clock, options, SyncListener.NONE);
  }

  /**
   * @param listener told in each page's transaction which canonical records the page changed
   */
  public SyncEngine(
      Store store,
      ConnectionRegistry registry,
      Clock clock,
      SyncOptions options,
      SyncListener listener) {
    this(store, registry, clock, options, listener, SyncProgress.none());
  }

  /**
   * @param listener told in each page's transaction which canonical records the page changed
   * @param observer hears every run besides the caller's own progress (the hub's metrics)
   */
  public SyncEngine(
      Store store,
      ConnectionRegistry registry,
      Clock clock,
      SyncOptions options,
      SyncListener listener,
      SyncProgress observer) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.store = Objects.requireNonNull(store, "store");
    this.jdbi = store.jdbi();
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.options = Objects.requireNonNull(options, "options");
    this.tables = new SyncTables(store.dialect());
    this.watermarks = new Watermarks(store.dialect());
    this.runs = new SyncRuns(jdbi);
    this.lease =
        new StreamLease(
            jdbi, store.dialect(), "engine-" + UUID.randomUUID().toString(), options.lease());
  }

  public SyncReport syncStream(String connection, String stream) {
    return syncStream(connection, stream, SyncProgress.none());
  }

  /** Reads one stream of a connection, then writes that stream's entity queued for it. */
  public SyncReport syncStream(String connection, String stream, SyncProgress given) {
    SyncProgress progress = SyncProgress.both(observer, given);
    SyncReport in = inbound(connection, stream, progress);
    EntityType entity = registry.inbound(connection, stream).orElseThrow().entity();
    SyncReport out = outbound(connection, entity, progress);
    return out == null
        ? in
        : SyncReport.combine(connection, in.startedAt(), out.finishedAt(), List.of(in, out));
  }

  public SyncReport syncConnection(String connection) {
    return syncConnection(connection, SyncProgress.none());
  }

  /** Reads every stream of a connection in dependency order, then writes what is queued for it. */
  public SyncReport syncConnection(String connection, SyncProgress given) {
    SyncProgress progress = SyncProgress.both(observer, given);
    requireConnection(connection);
    Instant started = clock.instant();
    List<SyncReport> parts = new ArrayList<>();
    for (String stream : registry.streams(connection)) {
      parts.add(inbound(connection, stream, progress));
    }
    for (EntityType entity : EntityType.values()) {
      if (EntityTable.stores(entity)) {
        SyncReport out = outbound(connection, entity, progress);
        if (out != null) {
          parts.add(out);
        }
      }
    }
    return SyncReport.combine(connection, started, clock.instant(), parts);
  }

  private void requireConnection(String connection) {
    if (!registry.has(connection)) {
      throw new IllegalArgumentException(
          "no connection named '" + connection + "'; configured: " + registry.connections());
    }
  }

  private SyncReport inbound(String connection, String stream, SyncProgress progress) {
    requireConnection(connection);
    InboundMapping mapping =
        registry
            .inbound(connection, stream)
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        connection + ": no inbound mapping for stream " + stream));
    Capabilities capabilities = registry.capabilities(connection);
    capabilities.stream(stream)
        .map(StreamSpec::entity)
        .filter(e -> e != mapping.entity())
        .ifPresent(
            e -> {
              throw new ConfigurationException(
                  connection
                      + ": stream "
                      + stream
                      + " feeds "
                      + e
                      + " records but its mapping makes "
                      + mapping.entity());
            });
    EntityTable table = EntityTable.of(mapping.entity());
    List<String> targets = new ArrayList<>();
    for (String other : registry.connections()) {
      if (!other.equals(connection) && registry.outbound(other, mapping.entity()).isPresent()) {
        targets.add(other);
      }
    }
    InboundApplier.Stream s =
        new InboundApplier.Stream(connection, stream, mapping, table, List.copyOf(targets));
    InboundApplier applier =
        new InboundApplier(
            tables, registry.ownership(), registry.matchKeys(), options.backoff(), listener);
    int pageSize = Math.min(options.pageSize(), Math.max(1, capabilities.maxReadPage()));

    Instant started = clock.instant();
    Counts counts = new Counts();
    progress.started(connection, stream);
    if (!lease.claim(connection, stream, started)) {
      return finishUnclaimed(connection, stream, started, progress);
    }
    String run = runs.start(connection, stream, "IN", started);
    String error = null;
    RefLookups lookups = new RefLookups(LOOKUP_CACHE);
    try {
      SourceStream source = registry.connection(connection).source(stream);
      Watermark watermark =
          jdbi.withHandle(h -> watermarks.load(h, connection, stream)).orElse(null);
      while (true) {
        Page page = source.readPage(watermark, pageSize);
        Counts pageCounts =
            jdbi.inTransaction(
                h -> {
                  lookups.beginPage(h);
                  Counts c = applier.apply(h, s, page.records(), lookups, clock.instant());
                  watermarks.save(h, connection, stream, page.next(), clock.instant());
                  return c;
                });
        pageCounts.pages = 1;
        counts.add(pageCounts);
        watermark = page.next();
        progress.page(connection, stream, page.records().size(), counts.read);
        lease.claim(connection, stream, clock.instant());
        if (!page.hasMore() || page.records().isEmpty()) {
          break;
        }
      }
      counts.add(retryParked(s, applier, lookups));
    } catch (RuntimeException e) {
      lookups.clear();
      error = e.getMessage() == null ? e.toString() : e.getMessage();
      LOG.warn("sync of {}/{} stopped: {}", connection, stream, error, e);
    } finally {
      lease.release(connection, stream);
    }
    SyncReport report = counts.report(connection, stream, started, clock.instant(), error);
    runs.finish(run, report);
    progress.finished(report);
    return report;
  }

  /** Tries the stream's parked records that are due, from the payload stored with them. */
  private Counts retryParked(InboundApplier.Stream s, InboundApplier applier, RefLookups lookups) {
    Counts total = new Counts();
    Instant now = clock.instant();
    long lastId = -1;
    while (true) {
      long after = lastId;
      List<Object[]> due =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT id, host_id, raw_payload FROM parked_records WHERE connection = :c"
                              + " AND stream = :s AND direction = 'IN' AND next_attempt_at <= :now"
                              + " AND id > :after ORDER BY id")
                      .bind("c", s.connection())
                      .bind("s", s.stream())
                      .bind("now", now)
                      .bind("after", after)
                      .setMaxRows(options.pageSize())
                      .map(
                          (rs, ctx) ->
                              new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})
                      .list());
      if (due.isEmpty()) {
        return total;
      }
      List<SourceRecord> records = new ArrayList<>();
      for (Object[] row : due) {
        lastId = (Long) row[0];
        if (row[1] != null && row[2] != null) {
          records.add(
              new SourceRecord(
                  s.stream(),
                  (String) row[1],
                  null,
                  now,
                  false,
                  (com.fasterxml.jackson.databind.node.ObjectNode)
                      CanonicalJson.parse((String) row[2])));
        }
      }
      Counts c =
          jdbi.inTransaction(
              h -> {
                lookups.beginPage(h);
                return applier.apply(h, s, records, lookups, clock.instant());
              });
      c.read = 0; // retries are not new reads
      total.add(c);
    }
  }

  private SyncReport outbound(String connection, EntityType entity, SyncProgress progress) {
    OutboundMapping mapping = registry.outbound(connection, entity).orElse(null);
    if (mapping == null) {
      return null;
    }
    String stream = mapping.hostObject();
    SinkSpec spec =
        registry
            .capabilities(connection)
            .sink(stream)
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        connection + ": the connector cannot write " + stream));
    String leaseName = "-> " + stream;
    Instant started = clock.instant();
    progress.started(connection, leaseName);
    if (!lease.claim(connection, leaseName, started)) {
      return finishUnclaimed(connection, leaseName, started, progress);
    }
    String run = runs.start(connection, stream, "OUT", started);
    Counts counts = new Counts();
    String error = null;
    try {
      OutboundWriter.Target target =
          new OutboundWriter.Target(
              connection,
              mapping,
              registry.connection(connection).sink(stream),
              spec.maxBatch(),
              EntityTable.of(entity),
              (entity == EntityType.INVOICE
                      || entity == EntityType.PAYMENT
                      || entity == EntityType.CONTACT)
                  && registry.outbound(connection, EntityType.PARTY).isEmpty());
      counts =
          new OutboundWriter(jdbi, tables, options.backoff(), clock, options.pageSize())
              .drain(target, new RefLookups(LOOKUP_CACHE), progress);
    } catch (RuntimeException e) {
      error = e.getMessage() == null ? e.toString() : e.getMessage();
      LOG.warn("writing {} to {} stopped: {}", stream, connection, error, e);
    } finally {
      lease.release(connection, leaseName);
    }
    SyncReport report = counts.report(connection, leaseName, started, clock.instant(), error);
    runs.finish(run, report);
    progress.finished(report);
    return report;
  }

  private SyncReport finishUnclaimed(
      String connection, String stream, Instant started, SyncProgress progress) {
    SyncReport report =
        new Counts()
            .report(
                connection,
                stream,
                started,
                clock.instant(),
                "another sync is running this stream ("
                    + lease.holder(connection, stream)
                    + "); try again when it has finished");
    progress.finished(report);
    return report;
  }

  /** Forgets a stream's watermark, so its next sync reads the host from the beginning. */
  public void resetStream(String connection, String stream) {
    jdbi.useHandle(h -> Watermarks.reset(h, connection, stream));
  }

  public Store store() {
    return store;
  }
}
