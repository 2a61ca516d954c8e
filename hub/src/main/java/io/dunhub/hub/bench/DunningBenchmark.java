package io.dunhub.hub.bench;

import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.dunning.DunningApplicator;
import io.dunhub.hub.dunning.DunningCases;
import io.dunhub.hub.dunning.DunningSweep;
import io.dunhub.hub.dunning.Evaluator;
import io.dunhub.hub.dunning.calendar.BusinessCalendar;
import io.dunhub.hub.dunning.calendar.JollydayHolidays;
import io.dunhub.hub.dunning.fee.LateFeeCalculator;
import io.dunhub.hub.dunning.policy.BundledPolicies;
import io.dunhub.hub.notice.Brand;
import io.dunhub.hub.notice.NoticeRenderer;
import io.dunhub.hub.notice.TrackingLinks;
import io.dunhub.hub.outbox.JdbcOutbox;
import io.dunhub.hub.outbox.RetryPolicy;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.store.StoreSettings;
import io.dunhub.hub.writeback.WriteBackPlanner;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Measures the dunning sweep on each store: a ledger of {@code invoices} open invoices of {@code
 * parties} parties, each under a dunning case, of which {@code duePercent}% reach a step today (the
 * overdue reminder three days after the due date; the step before it already taken), the others
 * weeks away. The sweep's time is compared with a floor measured in the same run on the same store:
 * a plain JDBC read of the due rows (case and invoice) plus a batch insert, a commit per 1,000
 * rows, of as many outbox rows as the sweep wrote, each with a payload of the sweep's average
 * length. Seeding is not timed.
 *
 * <pre>
 * java -Xmx512m -cp ... io.dunhub.hub.bench.DunningBenchmark [--parties N] [--invoices N]
 *     [--due-percent P] [--postgres URL] [--no-postgres] [--no-hsqldb]
 * </pre>
 *
 * The CLI's {@code dunhub bench dunning} calls {@link #run(Options, PrintStream)}.
 */
public final class DunningBenchmark {

  /** A Wednesday afternoon: inside the default contact window, not a US public holiday. */
  static final Instant NOW = Instant.parse("2026-03-11T15:00:00Z");

  private static final String HASH = "0".repeat(64);
  private static final int COMMIT_EVERY = 1000;
  private static final int SEED_COMMIT_EVERY = 10_000;

  /**
   * What to run.
   *
   * @param postgresAdminUrl a PostgreSQL URL naming a database the benchmark may create databases
   *     from (dropped after), or null to measure only the embedded store
   * @param workDir where the embedded store's files go (deleted after)
   * @param warmUp whether each store's timed sweep follows a warm-up sweep of a separate ledger of
   *     twice as many due cases, so that it runs on compiled code like the sweeps of a hub that has
   *     been running (without: the first sweep of a fresh JVM, whose JIT compiler takes up to a
   *     core)
   */
  public record Options(
      int parties,
      int invoices,
      int duePercent,
      boolean embedded,
      String postgresAdminUrl,
      Path workDir,
      boolean warmUp) {
    public Options {
      if (parties < 1 || invoices < parties || duePercent < 1 || duePercent > 100) {
        throw new IllegalArgumentException(
            "need parties >= 1, invoices >= parties and 1 <= due percent <= 100");
      }
      if ((long) invoices * duePercent / 100 > parties) {
        throw new IllegalArgumentException(
            "at most one due invoice per party: lower --due-percent or raise --parties");
      }
    }

    int due() {
      return (int) ((long) invoices * duePercent / 100);
    }

    /**
     * The warm-up ledger: only due cases, one a party, twice as many as this ledger has due ({@code
     * -Ddunhub.bench.warmUpDue=N}: N), so the warm-up sweep runs twice as many groups of parties as
     * the timed one while its seeding stays short.
     */
    Options warmUpLedger() {
      int n = Math.max(1, Integer.getInteger("dunhub.bench.warmUpDue", 2 * due()));
      return new Options(n, n, 100, embedded, postgresAdminUrl, workDir, false);
    }
  }

  /** The figures for one store. */
  public record Result(
      String store,
      long invoices,
      long parties,
      long due,
      long notices,
      Duration sweep,
      Duration floorRead,
      Duration floorInsert,
      Duration openScan,
      long payloadBytes,
      long peakHeapBytes,
      double renderMicros) {

    public Duration floor() {
      return floorRead.plus(floorInsert);
    }

    /** The sweep's time over the floor's. */
    public double ratio() {
      return seconds(sweep) / seconds(floor());
    }

    static double seconds(Duration d) {
      return Math.max(d.toNanos(), 1) / 1e9;
    }

    public String describe() {
      return String.format(
          Locale.ROOT,
          "%-10s %,d invoices, %,d parties, %,d due: sweep %.1f s (%,.0f cases/s, %,d notices of"
              + " %,d bytes avg; not in it: the start-up scan for invoices without a case, %.1f s,"
              + " and rendering, which the relay does as it sends: %,.0f µs a notice); floor"
              + " %.1f s (read %.2f s + insert %.1f s); ratio %.2fx; peak heap %,d MB",
          store,
          invoices,
          parties,
          due,
          seconds(sweep),
          due / seconds(sweep),
          notices,
          payloadBytes,
          seconds(openScan),
          renderMicros,
          seconds(floor()),
          seconds(floorRead),
          seconds(floorInsert),
          ratio(),
          peakHeapBytes >> 20);
    }
  }

  private DunningBenchmark() {}

  public static void main(String[] args) throws IOException {
    int parties = 200_000;
    int invoices = 1_000_000;
    int due = 10;
    String postgres = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    boolean embedded = true;
    boolean warmUp = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--parties" -> parties = Integer.parseInt(args[++i]);
        case "--invoices" -> invoices = Integer.parseInt(args[++i]);
        case "--due-percent" -> due = Integer.parseInt(args[++i]);
        case "--postgres" -> postgres = args[++i];
        case "--no-postgres" -> postgres = null;
        case "--no-hsqldb" -> embedded = false;
        case "--no-warm-up" -> warmUp = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path work = Files.createTempDirectory("dunhub-bench");
    List<Result> results =
        run(new Options(parties, invoices, due, embedded, postgres, work, warmUp), System.out);
    System.out.println();
    results.forEach(r -> System.out.println(r.describe()));
  }

  /** Runs the benchmark on the embedded store and, when configured, on PostgreSQL. */
  public static List<Result> run(Options o, PrintStream out) {
    List<Result> results = new ArrayList<>();
    out.printf(
        Locale.ROOT,
        "max heap %,d MB, load average %.2f%n",
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (o.embedded()) {
      Path dir = o.workDir().resolve("hsqldb-dunning");
      Path warm = o.workDir().resolve("hsqldb-warm-up");
      try {
        results.add(
            measure(
                "hsqldb",
                StoreSettings.embedded(dir),
                o,
                out,
                () -> warmUp("hsqldb", StoreSettings.embedded(warm), o, out)));
        out.println(results.get(results.size() - 1).describe());
      } finally {
        BenchSupport.delete(warm);
        BenchSupport.delete(dir);
      }
    }
    if (o.postgresAdminUrl() != null) {
      String db = BenchSupport.createDatabase(o.postgresAdminUrl(), "dunning");
      try {
        results.add(
            measure(
                "postgresql",
                BenchSupport.postgres(o.postgresAdminUrl(), db),
                o,
                out,
                () -> {
                  String warm =
                      BenchSupport.createDatabase(o.postgresAdminUrl(), "dunning_warm_up");
                  try {
                    warmUp("postgresql", BenchSupport.postgres(o.postgresAdminUrl(), warm), o, out);
                  } finally {
                    BenchSupport.dropDatabase(o.postgresAdminUrl(), warm);
                  }
                }));
        out.println(results.get(results.size() - 1).describe());
      } finally {
        BenchSupport.dropDatabase(o.postgresAdminUrl(), db);
      }
    }
    return results;
  }

  /**
   * Runs the whole measurement once on a separate {@linkplain Options#warmUpLedger() ledger of due
   * cases only} (its figures are printed, not kept), after the timed ledger is seeded and just
   * before its sweep, then waits for the JIT compilers to go idle: the timed sweep then runs on
   * compiled code, as the sweeps of a hub whose scheduler has swept before do.
   *
   * <p>Why twice as many groups as the timed sweep: the sweep's per-group methods (reading a group,
   * flushing its batches) are called once per 250 parties, and HotSpot compiles a method with C2
   * only after some 600 calls in its profiling tier (Tier4MinInvocationThreshold), more while the
   * compile queue is long. A warm-up of a quarter of the ledger (100 groups) left them to be
   * compiled during the timed sweep: 2.4-3.8 s of C2 time in a 6-7 s PostgreSQL sweep on 2 cores,
   * seen with -XX:+PrintCompilation and /proc. After 800 groups: 0.7-1.3 s in a 4.6-5 s sweep.
   */
  private static void warmUp(String name, StoreSettings settings, Options o, PrintStream out) {
    if (!o.warmUp()) {
      return;
    }
    Options ledger = o.warmUpLedger();
    Result cold = measure(name + " warm-up", settings, ledger, out, () -> {});
    Duration waited = BenchSupport.awaitCompilerIdle(Duration.ofSeconds(2), Duration.ofSeconds(60));
    out.printf(
        Locale.ROOT,
        "%s: warm-up (on a separate ledger of %,d due cases, %,d groups): sweep %.1f s, floor %.1f s,"
            + " ratio %.2fx; then %s%n",
        name,
        ledger.due(),
        (ledger.due() + DunningSweep.PARTIES_PER_TRANSACTION - 1)
            / DunningSweep.PARTIES_PER_TRANSACTION,
        Result.seconds(cold.sweep()),
        Result.seconds(cold.floor()),
        cold.ratio(),
        waited == null
            ? "no wait (this JVM does not report compilation time)"
            : String.format(
                Locale.ROOT, "%.1f s until the JIT compilers were idle", Result.seconds(waited)));
  }

  /** Seeds the ledger, runs {@code beforeTiming}, then times the sweep and the floor. */
  private static Result measure(
      String name, StoreSettings settings, Options o, PrintStream out, Runnable beforeTiming) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    try (Store store = Store.open(settings, clock).start()) {
      long seedStart = System.nanoTime();
      seed(store, o);
      out.printf(
          Locale.ROOT,
          "%s: seeded %,d parties, %,d invoices and cases (%,d due) in %.1f s; load average %.2f%n",
          name,
          o.parties(),
          o.invoices(),
          o.due(),
          (System.nanoTime() - seedStart) / 1e9,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      beforeTiming.run();
      System.gc();
      BenchSupport.resetPeakHeap(false);

      long start = System.nanoTime();
      long read = readDueRows(store);
      Duration floorRead = Duration.ofNanos(System.nanoTime() - start);
      if (read != o.due()) {
        throw new IllegalStateException("expected " + o.due() + " due rows, read " + read);
      }

      DunningSweep sweep = sweep(store, clock);
      start = System.nanoTime();
      sweep.catchUp(); // once per process, at start; the sync opens the cases of new invoices
      Duration openScan = Duration.ofNanos(System.nanoTime() - start);
      start = System.nanoTime();
      DunningSweep.Result r = sweep.run(500);
      Duration swept = Duration.ofNanos(System.nanoTime() - start);
      long heap = BenchSupport.peakHeap();
      long[] written = notices(store);
      if (r.parties() != o.due() || written[0] != o.due()) {
        throw new IllegalStateException(
            "the sweep should have evaluated "
                + o.due()
                + " parties and written as many notices: "
                + r
                + ", "
                + written[0]
                + " notices");
      }
      out.printf(Locale.ROOT, "%s: swept in %.1f s; rendering...%n", name, Result.seconds(swept));
      double renderMicros = renderAtDelivery(store);
      out.printf(Locale.ROOT, "%s: floor insert...%n", name);
      start = System.nanoTime();
      floorInsert(store, written[0], (int) written[1]);
      Duration floorInsert = Duration.ofNanos(System.nanoTime() - start);
      return new Result(
          name,
          o.invoices(),
          o.parties(),
          o.due(),
          written[0],
          swept,
          floorRead,
          floorInsert,
          openScan,
          written[1],
          heap,
          renderMicros);
    }
  }

  static DunningSweep sweep(Store store, Clock clock) {
    JdbcOutbox outbox = new JdbcOutbox(store, clock, RetryPolicy.DEFAULT);
    NoticeRenderer renderer = new NoticeRenderer();
    return new DunningSweep(
        store,
        clock,
        new DunningCases(store, clock),
        new Evaluator(new BusinessCalendar(new JollydayHolidays()), new LateFeeCalculator()),
        new DunningApplicator(
            outbox,
            new WriteBackPlanner(outbox),
            Brand.plain("Bench Supplies"),
            new TrackingLinks("https://hub.example")),
        BundledPolicies.load(renderer::exists),
        Integer.getInteger(
            "dunhub.bench.sweepThreads", DunningSweep.defaultThreads(store.dialect())));
  }

  /** A customer of the benchmark: in the US, on UTC, English. */
  private static Party party(String id, String name, String email) {
    return new Party(
            id,
            name,
            email,
            null,
            "US",
            Locale.US,
            ZoneId.of("UTC"),
            null,
            Set.of(),
            null,
            null,
            false,
            false)
        .withId(id);
  }

  /**
   * The plan the evaluator gives an invoice that is not due yet: what an earlier sweep stored for
   * each such case.
   */
  private static io.dunhub.hub.dunning.CasePlan waitingPlan(String partyId, Invoice invoice) {
    Party party = party(partyId, "Customer", null);
    io.dunhub.hub.dunning.CaseFacts kase =
        new io.dunhub.hub.dunning.CaseFacts(
            "case", invoice, io.dunhub.hub.dunning.CaseState.NEW.withPolicy("standard"));
    NoticeRenderer renderer = new NoticeRenderer();
    return new Evaluator(new BusinessCalendar(new JollydayHolidays()), new LateFeeCalculator())
        .evaluate(
            new io.dunhub.hub.dunning.PartyFacts(
                partyId,
                party,
                null,
                List.of(),
                List.of(kase),
                io.dunhub.hub.dunning.PaymentBehaviour.NONE),
            BundledPolicies.load(renderer::exists),
            io.dunhub.hub.dunning.History.EMPTY,
            NOW)
        .plans()
        .get(0);
  }

  /**
   * The ledger: party {@code p} owns invoices {@code p, p + parties, p + 2 * parties, …}; invoices
   * {@code 0 … due-1} fell due three days ago (their due-7d reminder already went out) and are due
   * for the overdue reminder now; the others fall due in 30 days and wait for their first step with
   * the plan an earlier sweep gave them (so the sweep writes what changes, as it does in a running
   * hub).
   */
  static void seed(Store store, Options o) {
    LocalDate today = NOW.atZone(ZoneOffset.UTC).toLocalDate();
    Timestamp now = Timestamp.from(NOW);
    Timestamp dueNow = Timestamp.from(NOW.minus(Duration.ofHours(1)));
    Timestamp stepTaken = Timestamp.from(NOW.minus(Duration.ofDays(10)));
    boolean hsqldb = store.dialect() == io.dunhub.hub.store.Dialect.HSQLDB;
    try (Connection c = store.dataSource().getConnection()) {
      if (hsqldb) {
        try (Statement s = c.createStatement()) {
          s.execute("SET FILES LOG FALSE"); // seeding is not measured: no redo log while it runs
        }
      }
      c.setAutoCommit(false);
      try (PreparedStatement party =
          c.prepareStatement(
              "INSERT INTO parties (id, name, email_key, segment, excluded_from_dunning, in_dispute,"
                  + " deleted, data, hash, version, source_connection, created_at, updated_at)"
                  + " VALUES (?, ?, ?, NULL, FALSE, FALSE, FALSE, ?, ?, 1, 'bench', ?, ?)")) {
        for (int p = 0; p < o.parties(); p++) {
          String id = partyId(p);
          String email = "ar@customer-" + p + ".example";
          Party value = party(id, "Customer " + p + " Ltd", email);
          party.setString(1, id);
          party.setString(2, value.name());
          party.setString(3, email);
          party.setString(4, CanonicalReader.write(value));
          party.setString(5, HASH);
          party.setTimestamp(6, now);
          party.setTimestamp(7, now);
          party.addBatch();
          if ((p + 1) % SEED_COMMIT_EVERY == 0 || p + 1 == o.parties()) {
            party.executeBatch();
            c.commit();
          }
        }
      }
      try (PreparedStatement invoice =
              c.prepareStatement(
                  "INSERT INTO invoices (id, party_id, number, status, issue_date, due_date,"
                      + " currency, total, open_balance, deleted, data, hash, version,"
                      + " source_connection, created_at, updated_at)"
                      + " VALUES (?, ?, ?, 'OPEN', ?, ?, 'USD', ?, ?, FALSE, ?, ?, 1, 'bench', ?, ?)");
          PreparedStatement kase =
              c.prepareStatement(
                  "INSERT INTO dunning_cases (id, invoice_id, party_id, policy_id, version,"
                      + " next_evaluation_at, created_at, updated_at, last_status)"
                      + " VALUES (?, ?, ?, 'standard', 1, ?, ?, ?, ?)");
          PreparedStatement step =
              c.prepareStatement(
                  "INSERT INTO dunning_steps (case_id, step_id, policy_id, outcome, taken_at)"
                      + " VALUES (?, 'due-7d', 'standard', 'done', ?)")) {
        int due = o.due();
        int stepsAdded = 0;
        io.dunhub.hub.dunning.CasePlan waiting = null;
        Timestamp later = null;
        for (int i = 0; i < o.invoices(); i++) {
          String id = String.format(Locale.ROOT, "inv-%07d", i);
          String caseId = String.format(Locale.ROOT, "case-%07d", i);
          String partyId = partyId(i % o.parties());
          boolean isDue = i < due;
          LocalDate dueDate = isDue ? today.minusDays(3) : today.plusDays(30);
          Money amount = Money.of(String.valueOf(100 + (i % 900)) + ".00", "USD");
          Invoice value =
              new Invoice(
                  id,
                  partyId,
                  "INV-" + (100_000 + i),
                  dueDate.minusDays(30),
                  dueDate,
                  amount,
                  amount,
                  InvoiceStatus.OPEN,
                  "Net 30",
                  "https://pay.example/" + id,
                  Set.of());
          if (!isDue && waiting == null) {
            waiting = waitingPlan(partyId, value);
            later = Timestamp.from(waiting.nextEvaluation());
          }
          invoice.setString(1, id);
          invoice.setString(2, partyId);
          invoice.setString(3, value.number());
          invoice.setObject(4, value.issueDate());
          invoice.setObject(5, dueDate);
          invoice.setBigDecimal(6, amount.amount());
          invoice.setBigDecimal(7, amount.amount());
          invoice.setString(8, CanonicalReader.write(value));
          invoice.setString(9, HASH);
          invoice.setTimestamp(10, now);
          invoice.setTimestamp(11, now);
          invoice.addBatch();
          kase.setString(1, caseId);
          kase.setString(2, id);
          kase.setString(3, partyId);
          kase.setTimestamp(4, isDue ? dueNow : later);
          kase.setTimestamp(5, now);
          kase.setTimestamp(6, now);
          kase.setString(7, isDue ? null : waiting.status());
          kase.addBatch();
          if (isDue) {
            step.setString(1, caseId);
            step.setTimestamp(2, stepTaken);
            step.addBatch();
            stepsAdded++;
          }
          if ((i + 1) % SEED_COMMIT_EVERY == 0 || i + 1 == o.invoices()) {
            invoice.executeBatch();
            kase.executeBatch();
            if (stepsAdded > 0) {
              step.executeBatch(); // HSQLDB refuses an empty batch
              stepsAdded = 0;
            }
            c.commit();
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE bench_outbox (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " idempotency_key VARCHAR(400) NOT NULL, kind VARCHAR(20) NOT NULL,"
                + " channel VARCHAR(20), connection VARCHAR(100), party_id VARCHAR(36),"
                + " payload TEXT NOT NULL, status VARCHAR(10) NOT NULL, attempts INT DEFAULT 0 NOT NULL,"
                + " next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL, claimed_by VARCHAR(100),"
                + " claimed_until TIMESTAMP WITH TIME ZONE, last_error TEXT, result TEXT,"
                + " created_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                + " updated_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                + " CONSTRAINT bench_outbox_key_uq UNIQUE (idempotency_key))");
        s.execute("CREATE INDEX bench_outbox_due_idx ON bench_outbox (status, next_attempt_at)");
        s.execute("CREATE INDEX bench_outbox_party_idx ON bench_outbox (party_id, created_at)");
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        if (hsqldb) {
          s.execute("CHECKPOINT");
          s.execute("SET FILES LOG TRUE");
        } else {
          s.execute("VACUUM ANALYZE");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("seeding the ledger failed: " + e.getMessage(), e);
    }
  }

  static String partyId(int p) {
    return String.format(Locale.ROOT, "party-%06d", p);
  }

  /** The floor's read: every due case with its invoice, through the index the sweep uses. */
  static long readDueRows(Store store) {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT c.id, c.party_id, c.next_evaluation_at, i.data FROM dunning_cases c"
                    + " JOIN invoices i ON i.id = c.invoice_id WHERE c.next_evaluation_at <= ?")) {
      s.setObject(1, OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
      long n = 0;
      long bytes = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          n++;
          bytes += rs.getString(4).length() + rs.getString(1).length();
        }
      }
      return bytes > 0 ? n : 0;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the due rows failed: " + e.getMessage(), e);
    }
  }

  /** How many notice rows the sweep wrote, and their payloads' average length. */
  static long[] notices(Store store) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COUNT(*), COALESCE(AVG(LENGTH(payload)), 0) FROM outbox WHERE kind = 'NOTICE'")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), (long) rs.getDouble(2)})
                    .one());
  }

  /**
   * What the relay spends rendering a notice as it sends it (the sweep stores the content): renders
   * up to 20,000 of the sweep's notices, the first 2,000 as warm-up.
   *
   * @return microseconds a notice
   */
  static double renderAtDelivery(Store store) {
    NoticeRenderer renderer = new NoticeRenderer();
    List<io.dunhub.hub.notice.NoticePayload> notices =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT payload FROM outbox WHERE kind = 'NOTICE' ORDER BY id LIMIT 22000")
                        .mapTo(String.class)
                        .map(
                            json ->
                                CanonicalReader.read(
                                    json, io.dunhub.hub.notice.NoticePayload.class, "outbox"))
                        .list());
    int warm = Math.min(2_000, notices.size() / 10);
    long start = 0;
    long bytes = 0;
    for (int i = 0; i < notices.size(); i++) {
      if (i == warm) {
        start = System.nanoTime();
      }
      io.dunhub.hub.notice.NoticePayload r = notices.get(i).render(renderer);
      bytes += r.html().length();
    }
    if (bytes == 0 || notices.size() <= warm) {
      return 0;
    }
    return (System.nanoTime() - start) / 1e3 / (notices.size() - warm);
  }

  /** The floor's write: as many rows as the sweep wrote, as large, a commit per 1,000. */
  static void floorInsert(Store store, long rows, int payloadLength) {
    String payload = "x".repeat(Math.max(payloadLength, 1));
    Timestamp now = Timestamp.from(NOW);
    try (Connection c = store.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO bench_outbox (idempotency_key, kind, channel, party_id, payload, status,"
                  + " attempts, next_attempt_at, created_at, updated_at)"
                  + " VALUES (?, 'NOTICE', 'EMAIL', ?, ?, 'PENDING', 0, ?, ?, ?)")) {
        for (long i = 0; i < rows; i++) {
          s.setString(1, "notice:" + UUID.randomUUID() + ":due+3d:EMAIL:ar@customer.example");
          s.setString(2, partyId((int) (i % 1_000_000)));
          s.setString(3, payload);
          s.setTimestamp(4, now);
          s.setTimestamp(5, now);
          s.setTimestamp(6, now);
          s.addBatch();
          if ((i + 1) % COMMIT_EVERY == 0 || i + 1 == rows) {
            s.executeBatch();
            c.commit();
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the floor's insert failed: " + e.getMessage(), e);
    }
  }
}
