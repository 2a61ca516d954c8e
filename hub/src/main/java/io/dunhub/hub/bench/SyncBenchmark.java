package io.dunhub.hub.bench;

import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.mapping.Lookups;
import io.dunhub.core.mapping.MappingResult;
import io.dunhub.core.model.EntityType;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.Party;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.store.StoreSettings;
import io.dunhub.hub.sync.CanonicalJson;
import io.dunhub.hub.sync.CanonicalJsonMapping;
import io.dunhub.hub.sync.FieldOwnership;
import io.dunhub.hub.sync.MatchKeys;
import io.dunhub.hub.sync.StaticConnectionRegistry;
import io.dunhub.hub.sync.SyncEngine;
import io.dunhub.hub.sync.SyncProgress;
import io.dunhub.hub.sync.SyncReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Measures the sync engine on each store: a full initial sync of {@code parties} parties and {@code
 * invoices} invoices read in pages of 1,000 from a generated in-memory host, then an incremental
 * sync after 1% of the invoices changed, then the same rows written by a plain JDBC batch insert
 * into an empty store (the floor any loader pays), and the peak heap.
 *
 * <pre>
 * java -Xmx512m -cp ... io.dunhub.hub.bench.SyncBenchmark [--parties N] [--invoices N]
 *     [--postgres jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres] [--no-postgres]
 * </pre>
 *
 * The CLI's {@code dunhub bench sync} calls {@link #run(Options, PrintStream)}.
 */
public final class SyncBenchmark {

  /**
   * What to run.
   *
   * @param postgresAdminUrl a PostgreSQL URL naming a database the benchmark may create databases
   *     from (they are dropped after), or null to measure only the embedded store
   * @param workDir where the embedded store's files go (deleted after)
   */
  public record Options(
      int parties, int invoices, boolean embedded, String postgresAdminUrl, Path workDir) {
    public static Options defaults(Path workDir) {
      return new Options(
          200_000,
          1_000_000,
          true,
          "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres",
          workDir);
    }
  }

  /** The figures for one store. */
  public record Result(
      String store,
      long records,
      Duration initial,
      long changed,
      long incrementalRead,
      Duration incremental,
      Duration emptyIncremental,
      Duration baseline,
      long peakHeapBytes) {

    public double initialPerSecond() {
      return records / seconds(initial);
    }

    public double incrementalPerSecond() {
      return incrementalRead / seconds(incremental);
    }

    /** The sync's time over the plain batch insert's. */
    public double ratioToBaseline() {
      return seconds(initial) / seconds(baseline);
    }

    private static double seconds(Duration d) {
      return Math.max(d.toNanos(), 1) / 1e9;
    }

    public String describe() {
      return String.format(
          Locale.ROOT,
          "%-10s initial %,d records in %.1f s = %,.0f records/s; plain JDBC batch insert %.1f s;"
              + " ratio %.2fx%n%-10s incremental: %,d changed, %,d read in %.2f s = %,.0f records/s"
              + " (no changes: %.2f s); peak heap %,d MB",
          store,
          records,
          seconds(initial),
          initialPerSecond(),
          seconds(baseline),
          ratioToBaseline(),
          "",
          changed,
          incrementalRead,
          seconds(incremental),
          incrementalPerSecond(),
          seconds(emptyIncremental),
          peakHeapBytes / (1024 * 1024));
    }
  }

  private SyncBenchmark() {}

  public static void main(String[] args) throws IOException {
    int parties = 200_000;
    int invoices = 1_000_000;
    String postgres = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    boolean embedded = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--parties" -> parties = Integer.parseInt(args[++i]);
        case "--invoices" -> invoices = Integer.parseInt(args[++i]);
        case "--postgres" -> postgres = args[++i];
        case "--no-postgres" -> postgres = null;
        case "--no-hsqldb" -> embedded = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path work = Files.createTempDirectory("dunhub-bench");
    List<Result> results =
        run(new Options(parties, invoices, embedded, postgres, work), System.out);
    System.out.println();
    System.out.printf(
        Locale.ROOT, "max heap %,d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    results.forEach(r -> System.out.println(r.describe()));
    System.out.flush();
  }

  /** Runs the benchmark on the embedded store and, when configured, on PostgreSQL. */
  public static List<Result> run(Options options, PrintStream out) {
    List<Result> results = new ArrayList<>();
    if (options.embedded()) {
      Path hsql = options.workDir().resolve("hsqldb");
      Path hsqlBase = options.workDir().resolve("hsqldb-baseline");
      try {
        results.add(
            measure(
                "hsqldb",
                StoreSettings.embedded(hsql),
                StoreSettings.embedded(hsqlBase),
                options,
                out));
        out.println(results.get(results.size() - 1).describe());
      } finally {
        BenchSupport.delete(hsql);
        BenchSupport.delete(hsqlBase);
      }
    }
    if (options.postgresAdminUrl() != null) {
      String sync = BenchSupport.createDatabase(options.postgresAdminUrl(), "sync");
      String base = BenchSupport.createDatabase(options.postgresAdminUrl(), "base");
      try {
        results.add(
            measure(
                "postgresql",
                BenchSupport.postgres(options.postgresAdminUrl(), sync),
                BenchSupport.postgres(options.postgresAdminUrl(), base),
                options,
                out));
        out.println(results.get(results.size() - 1).describe());
      } finally {
        BenchSupport.dropDatabase(options.postgresAdminUrl(), sync);
        BenchSupport.dropDatabase(options.postgresAdminUrl(), base);
      }
    }
    return results;
  }

  private static Result measure(
      String name,
      StoreSettings syncStore,
      StoreSettings baselineStore,
      Options o,
      PrintStream out) {
    Clock clock = Clock.systemUTC();
    BenchSupport.resetPeakHeap(true);
    GeneratedHost host = new GeneratedHost(o.parties(), o.invoices());
    Duration initial;
    Duration incremental;
    Duration empty;
    long read;
    try (Store store = Store.open(syncStore, clock).start()) {
      StaticConnectionRegistry.Builder b =
          StaticConnectionRegistry.builder()
              .connection(host, host.connection("bench"))
              .ownership(FieldOwnership.none())
              .matchKeys(MatchKeys.defaults());
      b.inbound("bench", new CanonicalJsonMapping("Party", EntityType.PARTY));
      b.inbound("bench", new CanonicalJsonMapping("Invoice", EntityType.INVOICE));
      SyncEngine engine = new SyncEngine(store, b.build(), clock);
      SyncProgress progress = progress(name, out);

      long start = System.nanoTime();
      SyncReport first = engine.syncConnection("bench", progress);
      initial = Duration.ofNanos(System.nanoTime() - start);
      requireOk(first, o.parties() + (long) o.invoices());

      start = System.nanoTime();
      SyncReport nothing = engine.syncConnection("bench");
      empty = Duration.ofNanos(System.nanoTime() - start);
      requireOk(nothing, 0);

      host.changeEveryHundredth();
      start = System.nanoTime();
      SyncReport changed = engine.syncConnection("bench");
      incremental = Duration.ofNanos(System.nanoTime() - start);
      requireOk(changed, host.changedCount());
      if (changed.updated() != host.changedCount()) {
        throw new IllegalStateException("expected " + host.changedCount() + " updates: " + changed);
      }
      read = changed.read();
    }
    out.printf(Locale.ROOT, "%s: sync done, baseline insert...%n", name);
    Duration baseline = baseline(baselineStore, host, o, clock);
    return new Result(
        name,
        o.parties() + (long) o.invoices(),
        initial,
        host.changedCount(),
        read,
        incremental,
        empty,
        baseline,
        BenchSupport.peakHeap());
  }

  private static void requireOk(SyncReport report, long expectedRead) {
    if (!report.ok() || report.read() != expectedRead || report.parked() != 0) {
      throw new IllegalStateException(
          "benchmark sync did not do what it should (expected "
              + expectedRead
              + " read): "
              + report);
    }
  }

  private static SyncProgress progress(String name, PrintStream out) {
    return new SyncProgress() {
      @Override
      public void page(String connection, String stream, int records, long total) {
        if (records > 0 && total % 100_000 == 0) {
          out.printf(Locale.ROOT, "%s %s: %,d%n", name, stream, total);
        }
      }
    };
  }

  /**
   * The floor: the same canonical rows and references, mapped the same way, written with plain JDBC
   * batches and a commit per 1,000 rows into an empty store, without lookups or bookkeeping.
   */
  private static Duration baseline(
      StoreSettings settings, GeneratedHost host, Options o, Clock clock) {
    CanonicalJsonMapping parties = new CanonicalJsonMapping("Party", EntityType.PARTY);
    CanonicalJsonMapping invoices = new CanonicalJsonMapping("Invoice", EntityType.INVOICE);
    Map<String, String> partyIds = new HashMap<>();
    Lookups lookups =
        new Lookups() {
          @Override
          public Optional<String> canonicalId(
              EntityType entity, String connection, String hostObject, String hostId) {
            return Optional.ofNullable(partyIds.get(hostId));
          }

          @Override
          public Optional<String> hostId(
              EntityType entity, String canonicalId, String connection, String hostObject) {
            return Optional.empty();
          }
        };
    try (Store store = Store.open(settings, clock).start();
        Connection c = store.dataSource().getConnection()) {
      c.setAutoCommit(false);
      Timestamp now = Timestamp.from(clock.instant());
      long start = System.nanoTime();
      try (PreparedStatement party =
              c.prepareStatement(
                  "INSERT INTO parties (id, name, email_key, tax_id, segment,"
                      + " excluded_from_dunning, in_dispute, deleted, data, hash, version,"
                      + " source_connection, created_at, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, 1, 'bench', ?, ?)");
          PreparedStatement invoice =
              c.prepareStatement(
                  "INSERT INTO invoices (id, party_id, number, status, issue_date, due_date,"
                      + " currency, total, open_balance, deleted, data, hash, version,"
                      + " source_connection, created_at, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, 1, 'bench', ?, ?)");
          PreparedStatement ref =
              c.prepareStatement(
                  "INSERT INTO external_refs (connection, host_type, host_id, entity,"
                      + " canonical_id, host_version, base_data, created_at, updated_at)"
                      + " VALUES ('bench', ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < o.parties(); i++) {
          SourceRecord r = host.recordAt(false, i);
          Party p = (Party) mapped(parties.toCanonical(r, "bench", lookups));
          String id = UUID.randomUUID().toString();
          partyIds.put(r.hostId(), id);
          var tree = CanonicalJson.tree(p);
          tree.put("id", id);
          String text = CanonicalJson.text(tree);
          party.setString(1, id);
          party.setString(2, p.name());
          party.setString(3, p.email().toLowerCase(Locale.ROOT));
          party.setString(4, p.taxId());
          party.setString(5, p.segment());
          party.setBoolean(6, p.excludedFromDunning());
          party.setBoolean(7, p.inDispute());
          party.setString(8, text);
          party.setString(9, CanonicalJson.hash(text));
          party.setTimestamp(10, now);
          party.setTimestamp(11, now);
          party.addBatch();
          addRef(ref, "Party", r, "PARTY", id, text, now);
          if ((i + 1) % 1000 == 0 || i + 1 == o.parties()) {
            party.executeBatch();
            ref.executeBatch();
            c.commit();
          }
        }
        for (int i = 0; i < o.invoices(); i++) {
          SourceRecord r = host.recordAt(true, i);
          Invoice v = (Invoice) mapped(invoices.toCanonical(r, "bench", lookups));
          String id = UUID.randomUUID().toString();
          var tree = CanonicalJson.tree(v);
          tree.put("id", id);
          String text = CanonicalJson.text(tree);
          invoice.setString(1, id);
          invoice.setString(2, v.partyId());
          invoice.setString(3, v.number());
          invoice.setString(4, v.status().name());
          invoice.setObject(5, v.issueDate());
          invoice.setObject(6, v.dueDate());
          invoice.setString(7, v.total().currency().getCurrencyCode());
          invoice.setBigDecimal(8, v.total().amount());
          invoice.setBigDecimal(9, v.openBalance().amount());
          invoice.setString(10, text);
          invoice.setString(11, CanonicalJson.hash(text));
          invoice.setTimestamp(12, now);
          invoice.setTimestamp(13, now);
          invoice.addBatch();
          addRef(ref, "Invoice", r, "INVOICE", id, text, now);
          if ((i + 1) % 1000 == 0 || i + 1 == o.invoices()) {
            invoice.executeBatch();
            ref.executeBatch();
            c.commit();
          }
        }
      }
      return Duration.ofNanos(System.nanoTime() - start);
    } catch (SQLException e) {
      throw new IllegalStateException("baseline insert failed: " + e.getMessage(), e);
    }
  }

  private static Object mapped(MappingResult result) {
    if (result instanceof MappingResult.Mapped m) {
      return m.canonical();
    }
    throw new IllegalStateException("generated record did not map: " + result);
  }

  private static void addRef(
      PreparedStatement ref,
      String type,
      SourceRecord r,
      String entity,
      String id,
      String text,
      Timestamp now)
      throws SQLException {
    ref.setString(1, type);
    ref.setString(2, r.hostId());
    ref.setString(3, entity);
    ref.setString(4, id);
    ref.setString(5, r.hostVersion());
    ref.setString(6, text);
    ref.setTimestamp(7, now);
    ref.setTimestamp(8, now);
    ref.addBatch();
  }
}
