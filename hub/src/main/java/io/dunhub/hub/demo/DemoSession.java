package io.dunhub.hub.demo;

import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.auth.TokenStore;
import io.dunhub.core.http.Sleeper;
import io.dunhub.core.secret.Secret;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.dunning.DunningCases;
import io.dunhub.hub.dunning.DunningSweep;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import io.dunhub.hub.http.HttpServer;
import io.dunhub.hub.outbox.OutboxRelay;
import io.dunhub.hub.runtime.ConfigConnectionRegistry;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.hub.runtime.HubLauncher;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.sync.SyncEngine;
import io.dunhub.hub.sync.SyncReport;
import io.dunhub.quickbooks.sandbox.QboSandbox;
import io.dunhub.salesforce.InstallReport;
import io.dunhub.salesforce.SalesforceConnection;
import io.dunhub.salesforce.SalesforceInstaller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the demo: the hosts started and seeded, the data directory written, the hub started
 * in-process on a settable clock (store, dunning, HTTP with the console), and the clock moved one
 * tick at a time. At each tick the customers act, then the hub syncs every connection, sweeps the
 * due dunning cases and drains the outbox, as its scheduler would.
 */
public final class DemoSession implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSession.class);

  /** How to run. */
  public record Options(Path dir, LocalDate start, Duration tick, int port, long seed) {
    public Options {
      if (tick.isZero()
          || tick.isNegative()
          || Duration.ofDays(1).toMillis() % tick.toMillis() != 0) {
        throw new IllegalArgumentException("--tick must divide a day, e.g. PT1H or PT2H");
      }
    }
  }

  /** What one simulated day brought. */
  public record Day(
      int number,
      LocalDate date,
      java.util.Map<String, Integer> notices,
      int tasks,
      java.util.Map<String, Integer> paymentsSynced,
      java.util.Map<String, Integer> writeBacks,
      java.util.Map<String, java.math.BigDecimal> open,
      List<CustomerBehaviour.Event> events,
      int dead) {}

  private final Options options;
  private final DemoClock clock;
  private final DemoHosts hosts;
  private final DemoCompany company;
  private final Hub hub;
  private final Path config;
  private final String adminToken;
  private final Store store;
  private final DunningRuntime dunning;
  private final CustomerBehaviour behaviour;
  private final DemoLedger ledger;
  private final HostCounts atStart;
  private final Instant started;
  private final Set<String> syncProblems = new LinkedHashSet<>();
  private int day;

  private DemoSession(
      Options options,
      DemoClock clock,
      DemoHosts hosts,
      DemoCompany company,
      DemoSeeder.Ids ids,
      Hub hub,
      Path config,
      String adminToken) {
    this.options = options;
    this.adminToken = adminToken;
    this.clock = clock;
    this.hosts = hosts;
    this.company = company;
    this.hub = hub;
    this.config = config;
    this.store = hub.get(Store.class);
    this.dunning = hub.get(DunningRuntime.class);
    this.behaviour =
        new CustomerBehaviour(company, hosts, ids, store, new DunningCases(store, clock));
    this.ledger = new DemoLedger(store);
    this.atStart = HostCounts.of(hosts);
    this.started = options.start().atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /**
   * Starts the hosts, writes the data directory (replacing an earlier demo's data there), starts
   * the hub and brings every system in with a first sync.
   */
  public static DemoSession start(Options options, EnvLookup env) {
    Instant t0 = options.start().atStartOfDay().toInstant(ZoneOffset.UTC);
    DemoClock clock = new DemoClock(t0);
    prepare(options.dir());
    DemoHosts hosts = DemoHosts.start(clock);
    Hub hub = null;
    try {
      DemoCompany company = DemoCompany.on(options.start(), options.seed());
      DemoSeeder.Ids ids = DemoSeeder.seedBooks(company, hosts);
      DemoUsers users = DemoUsers.create();
      Path config = DemoConfig.write(options.dir(), hosts, users, options.port(), "127.0.0.1");
      hub =
          new HubLauncher(env, clock, List.of(), List.of(new RealTimeLogins(), new DemoStore()))
              .open(config, "demo");
      hub.startAll();
      connectQuickBooks(hub, hosts, clock);
      installSalesforce(hub);
      DemoSeeder.seedCrm(company, hosts);
      DemoSession session =
          new DemoSession(options, clock, hosts, company, ids, hub, config, users.token());
      session.tick(t0);
      return session;
    } catch (RuntimeException e) {
      if (hub != null) {
        hub.close();
      }
      hosts.close();
      throw e;
    }
  }

  /** The demo directory holds only what an earlier demo wrote; its old data goes. */
  private static void prepare(Path dir) {
    Path config = dir.resolve("dunhub.yml");
    try {
      if (Files.exists(config) && !Files.readString(config).contains("Written by `dunhub demo`")) {
        throw new IllegalStateException(
            dir
                + " holds a dunhub.yml that the demo did not write; choose another --dir (the demo"
                + " replaces the data in its directory)");
      }
      for (String sub : List.of("data", "letters")) {
        Path p = dir.resolve(sub);
        if (Files.exists(p)) {
          try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
              Files.delete(f);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the demo directory " + dir, e);
    }
  }

  /** Stores the tokens an admin gets by connecting the QuickBooks company to the app. */
  private static void connectQuickBooks(Hub hub, DemoHosts hosts, Clock clock) {
    QboSandbox.Tokens issued = hosts.quickbooks().connect(DemoHosts.QBO_REALM);
    hub.get(TokenStore.class)
        .compareAndSet(
            DemoConfig.BOOKS_US,
            0,
            new OAuthToken(
                Secret.of(issued.accessToken()),
                Secret.of(issued.refreshToken()),
                clock.instant().plus(Duration.ofHours(1))));
  }

  /** Deploys Dunhub's objects and fields into the Salesforce org, as an admin does once. */
  private static void installSalesforce(Hub hub) {
    SalesforceConnection sf =
        (SalesforceConnection) hub.get(ConfigConnectionRegistry.class).connection(DemoConfig.CRM);
    InstallReport report =
        new SalesforceInstaller(
                Clock.systemUTC(), Sleeper.system(), Duration.ofMillis(50), Duration.ofSeconds(30))
            .install(sf);
    if (!report.success()) {
      throw new IllegalStateException(
          "installing Dunhub into the Salesforce sandbox failed: " + report.summary());
    }
  }

  /** One step of the clock: customers act, then sync, sweep and relay. */
  private void tick(Instant t) {
    clock.jumpTo(t);
    behaviour.act(t);
    SyncEngine engine = hub.get(SyncEngine.class);
    for (String connection :
        List.of(DemoConfig.CRM, DemoConfig.BOOKS_US, DemoConfig.BOOKS_EU, DemoConfig.CARDS)) {
      SyncReport report = engine.syncConnection(connection);
      if (!report.ok() && syncProblems.add(connection + ": " + report)) {
        LOG.warn("demo sync {}: {}", connection, report);
      }
    }
    DunningSweep sweep = dunning.sweep();
    for (int i = 0; i < 20 && sweep.run(500).parties() >= 500; i++) {
      // more parties were due than one batch holds
    }
    OutboxRelay relay = dunning.relay();
    relay.drain(200);
    relay.drain(200); // the write-backs of what the first pass delivered
  }

  /**
   * Plays the next simulated day, tick by tick.
   *
   * @param realTime how long the day should take in real time (zero: as fast as it goes)
   */
  public Day runDay(Duration realTime) throws InterruptedException {
    Instant from =
        options.start().atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofDays(day));
    Instant to = from.plus(Duration.ofDays(1));
    long ticks = Duration.ofDays(1).toMillis() / options.tick().toMillis();
    long begin = System.nanoTime();
    for (long i = 1; i <= ticks; i++) {
      tick(from.plus(options.tick().multipliedBy(i)));
      long due = realTime.toNanos() * i / ticks;
      long wait = due - (System.nanoTime() - begin);
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
    day++;
    Duration half = options.tick().dividedBy(2);
    Instant windowFrom = day == 1 ? started : from.plus(half);
    Instant windowTo = to.plus(half);
    return new Day(
        day,
        from.atZone(ZoneOffset.UTC).toLocalDate(),
        ledger.noticesByChannel(windowFrom, windowTo),
        ledger.tasks(windowFrom, windowTo),
        ledger.paymentsSynced(windowFrom, windowTo, options.start()),
        ledger.writeBacksDone(windowFrom, windowTo),
        ledger.openByCurrency(),
        behaviour.events(windowFrom, windowTo),
        ledger.deadLetters().size());
  }

  /** What the run did, counted in the hub's store and in each sandbox's own records. */
  public DemoSummary summary() {
    HostCounts now = HostCounts.of(hosts);
    Instant end = clock.instant().plusMillis(1);
    java.util.Map<String, Integer> paymentsWritten =
        HostCounts.minus(now.payments(), atStart.payments());
    java.util.Map<String, Integer> entered = new java.util.LinkedHashMap<>();
    behaviour
        .paymentsByBooks()
        .forEach(
            (books, n) ->
                entered.put(
                    books == DemoCompany.Books.QUICKBOOKS
                        ? HostCounts.QUICKBOOKS
                        : HostCounts.NETSUITE,
                    n));
    entered.forEach((host, n) -> paymentsWritten.merge(host, -n, Integer::sum));
    if (behaviour.cardPayments() > 0) {
      entered.put("by card", behaviour.cardPayments());
    }
    return new DemoSummary(
        day,
        company.start(),
        ledger.noticesByChannel(started, end),
        ledger.tasks(started, end),
        ledger.byStep(started, end),
        entered,
        ledger.paymentsSynced(started, end, options.start()),
        paymentsWritten,
        HostCounts.minus(now.activities(), atStart.activities()),
        ledger.deadLetters(),
        ledger.pending(),
        behaviour.events(),
        List.copyOf(syncProblems),
        DemoDso.compute(
            store, clock, company.start(), company.start().plusDays(Math.max(0, day - 1))));
  }

  public Hub hub() {
    return hub;
  }

  public DemoHosts hosts() {
    return hosts;
  }

  public DemoCompany company() {
    return company;
  }

  public Path config() {
    return config;
  }

  /** The admin API token of this demo ({@code Authorization: Bearer ...}). */
  public String adminToken() {
    return adminToken;
  }

  public Instant now() {
    return clock.instant();
  }

  public int httpPort() {
    return hub.get(HttpServer.class).port();
  }

  /** The canonical id of an invoice by its number (for tests and the console). */
  public java.util.Optional<String> invoiceId(String number) {
    return behaviour.canonicalInvoiceId(number);
  }

  /** The invoice a scripted customer disputes, and the one another promises to pay. */
  public String disputedInvoice() {
    return largestOverdue(CustomerBehaviour.DISPUTER);
  }

  public String promisedInvoice() {
    return largestOverdue(CustomerBehaviour.PROMISER);
  }

  private String largestOverdue(String key) {
    return company.customer(key).invoices().stream()
        .filter(b -> b.due().isBefore(company.start()) && b.open().signum() > 0)
        .max((a, b) -> a.open().compareTo(b.open()))
        .map(DemoCompany.Bill::number)
        .orElseThrow();
  }

  /** Invoices customers paid in full during the run. */
  public Set<String> paidInFull() {
    return behaviour.paidInFull();
  }

  /** Counts of what the hub holds right after the first sync. */
  DemoLedger ledger() {
    return ledger;
  }

  @Override
  public void close() {
    try {
      hub.close();
    } finally {
      hosts.close();
    }
  }
}
