package io.dunhub.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dunhub.core.auth.InMemoryTokenStore;
import io.dunhub.core.auth.StoredToken;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.connector.Watermark;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every connector passes, against its own sandbox. Extend it, implement {@link
 * #createFixture()}, and name the subclass {@code *ContractTest} (offline, in-process sandbox) or
 * {@code *ContractIT} (when the sandbox starts a server). See {@code docs/connector-contract.md}.
 *
 * <p>The contract: pages hold every record exactly once in (last-modified, id) order, however many
 * share a timestamp and wherever a page boundary falls; a watermark never moves back and an empty
 * page hands back the watermark it was given; a read resumed from a stored watermark sees later
 * changes and nothing older; writes are idempotent by key; an expired token is refreshed once and
 * the call retried; a 429 waits at least the host's Retry-After and then succeeds; server errors
 * are retried (a write no more applied than once); permanent errors are not retried and carry the
 * host's message.
 */
public abstract class ConnectorContractTest {

  /** The contract's "now"; every seeded timestamp is on the day before. */
  protected static final Instant NOW = Instant.parse("2026-03-02T00:00:00Z");

  /** The first seeded timestamp. */
  protected static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");

  private static final AtomicInteger CONNECTIONS = new AtomicInteger();
  private static final OkHttpClient HTTP =
      new OkHttpClient.Builder()
          .connectTimeout(5, TimeUnit.SECONDS)
          .readTimeout(10, TimeUnit.SECONDS)
          .build();

  protected ConnectorFixture fixture;
  protected ManualClock clock;
  protected InMemoryTokenStore tokens;
  protected String connectionName;
  protected Connection connection;

  /** A new fixture for one test. */
  protected abstract ConnectorFixture createFixture();

  @BeforeEach
  void openConnectionToFreshHost() {
    clock = new ManualClock(NOW);
    tokens = new InMemoryTokenStore();
    connectionName =
        "contract-"
            + getClass().getSimpleName().toLowerCase(Locale.ROOT)
            + "-"
            + CONNECTIONS.incrementAndGet();
    fixture = createFixture();
    ConnectionSettings settings =
        fixture.start(new ContractEnvironment(connectionName, clock, tokens, HTTP));
    connection = fixture.open(new ConnectionContext(settings, clock, tokens, HTTP));
  }

  @AfterEach
  void closeConnectionAndHost() throws Exception {
    if (connection != null) {
      connection.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  // ---- paging and watermarks

  @Test
  @DisplayName("small pages deliver every record exactly once, in (last-modified, id) order")
  void pagesDeliverEveryRecordExactlyOnce() {
    List<Instant> times = minutes(0, 1, 1, 1, 1, 2, 3, 3, 4, 5, 5, 5);
    List<String> ids = fixture.seed(times);

    List<Read> pages = readToEnd(null, fixture.smallPage());

    List<SourceRecord> records = records(pages);
    assertThat(records).extracting(SourceRecord::hostId).doesNotHaveDuplicates();
    assertThat(records).extracting(SourceRecord::hostId).containsExactlyInAnyOrderElementsOf(ids);
    for (SourceRecord r : records) {
      assertThat(r.lastModified())
          .as("last-modified of %s", r.hostId())
          .isEqualTo(times.get(ids.indexOf(r.hostId())));
    }
    assertThat(records)
        .extracting(SourceRecord::lastModified)
        .as("records come in last-modified order")
        .isSorted();
  }

  @Test
  @DisplayName("a run of equal timestamps split across pages loses and repeats nothing")
  void tiesAcrossPageBoundaries() {
    List<Instant> times = minutes(0, 2, 2, 2, 2, 2, 2, 2, 3);
    List<String> ids = fixture.seed(times);

    for (int limit : new int[] {fixture.smallPage(), 2}) {
      List<SourceRecord> records = records(readToEnd(null, limit));
      assertThat(records)
          .as("page size %d", limit)
          .extracting(SourceRecord::hostId)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(ids);
    }
  }

  @Test
  @DisplayName(
      "the watermark never goes back: reading on from any page's watermark sees only later records")
  void watermarkNeverGoesBackwards() {
    fixture.seed(minutes(0, 1, 1, 1, 2, 3, 3, 4));
    List<Read> pages = readToEnd(null, fixture.smallPage());
    List<SourceRecord> all = records(pages);

    int delivered = 0;
    for (Read read : pages) {
      delivered += read.page().records().size();
      List<SourceRecord> rest = records(readToEnd(read.page().next(), fixture.smallPage()));
      assertThat(rest)
          .as("records after watermark %s", read.page().next())
          .extracting(SourceRecord::hostId)
          .containsExactlyElementsOf(ids(all.subList(delivered, all.size())));
    }
  }

  @Test
  @DisplayName("an empty page hands back the watermark it was given")
  void emptyPageReturnsSameWatermark() {
    SourceStream stream = connection.source(fixture.stream());
    Page first = stream.readPage(null, fixture.smallPage());
    assertThat(first.records()).as("an empty host has no records").isEmpty();
    Page again = stream.readPage(first.next(), fixture.smallPage());
    assertThat(again.records()).isEmpty();
    assertThat(again.next()).isEqualTo(first.next());
    assertThat(again.hasMore()).isFalse();

    fixture.seed(minutes(0, 1, 1));
    List<Read> pages = readToEnd(first.next(), fixture.smallPage());
    Watermark end = pages.get(pages.size() - 1).page().next();
    Page afterEnd = stream.readPage(end, fixture.smallPage());
    assertThat(afterEnd.records()).isEmpty();
    assertThat(afterEnd.next()).isEqualTo(end);
  }

  @Test
  @DisplayName(
      "a read resumed from a stored watermark sees a later change and none of the old records")
  void resumeSeesLaterChangesOnly() {
    assumeSupported(ContractFeature.MODIFY);
    List<String> ids = fixture.seed(minutes(0, 1, 2, 2, 3));
    List<Read> pages = readToEnd(null, fixture.smallPage());
    Watermark stored = pages.get(pages.size() - 1).page().next();

    Instant changedAt = BASE.plus(Duration.ofMinutes(30));
    fixture.modify(ids.get(1), changedAt);

    List<SourceRecord> resumed = records(readToEnd(stored, fixture.smallPage()));
    assertThat(resumed).extracting(SourceRecord::hostId).containsExactly(ids.get(1));
    assertThat(resumed.get(0).lastModified()).isEqualTo(changedAt);
  }

  // ---- writes

  @Test
  @DisplayName("writing the same idempotency key twice applies once")
  void writesAreIdempotent() {
    assumeSupported(ContractFeature.IDEMPOTENT_WRITE);
    WriteRequest first = fixture.newWrite("contract-key-1");
    RecordSink sink = connection.sink(first.hostObject());
    long before = fixture.countRecords(first.hostObject());

    WriteOutcome applied = sink.write(first);
    WriteOutcome repeated = sink.write(fixture.newWrite("contract-key-1"));

    assertThat(applied).isInstanceOf(WriteOutcome.Applied.class);
    assertThat(repeated).isInstanceOf(WriteOutcome.AlreadyApplied.class);
    String hostId = ((WriteOutcome.Applied) applied).hostId();
    String againId = ((WriteOutcome.AlreadyApplied) repeated).hostId();
    if (againId != null) {
      assertThat(againId).as("the repeated write names the record it made").isEqualTo(hostId);
    }
    assertThat(fixture.countRecords(first.hostObject())).isEqualTo(before + 1);

    WriteOutcome other = sink.write(fixture.newWrite("contract-key-2"));
    assertThat(other).as("another key is another effect").isInstanceOf(WriteOutcome.Applied.class);
    assertThat(fixture.countRecords(first.hostObject())).isEqualTo(before + 2);
  }

  // ---- faults

  @Test
  @DisplayName("an expired token is refreshed once and the call retried")
  void expiredTokenIsRefreshedOnceThenRetried() {
    assumeSupported(ContractFeature.TOKEN_REFRESH);
    fixture.seed(minutes(0, 1));
    long perRead = callsFor(this::readFirstPage);
    Optional<StoredToken> before = tokens.load(connectionName);
    long refreshes = fixture.tokenRefreshes();

    fixture.expireToken();
    long calls = callsFor(() -> assertThat(readFirstPage().records()).hasSize(2));

    assertThat(fixture.tokenRefreshes() - refreshes).as("token refreshes").isEqualTo(1);
    assertThat(calls).as("host calls: the refused one and the retry").isEqualTo(perRead + 1);
    if (before.isPresent()) {
      assertThat(tokens.load(connectionName).orElseThrow().version())
          .as("the refreshed token is stored for every process")
          .isGreaterThan(before.get().version());
    }
  }

  @Test
  @DisplayName("a 429 waits at least the host's Retry-After, then succeeds")
  void rateLimitWaitsForRetryAfter() {
    assumeSupported(ContractFeature.RATE_LIMIT);
    fixture.seed(minutes(0, 1));
    long perRead = callsFor(this::readFirstPage);

    Duration retryAfter = Duration.ofSeconds(7);
    fixture.injectRateLimit(retryAfter);
    Instant start = clock.instant();
    long calls = callsFor(() -> assertThat(readFirstPage().records()).hasSize(2));

    assertThat(Duration.between(start, clock.instant()))
        .as("time waited (on the connection's clock)")
        .isGreaterThanOrEqualTo(retryAfter)
        .isLessThan(retryAfter.plusMinutes(1));
    assertThat(calls).as("host calls: the refused one and the retry").isEqualTo(perRead + 1);
  }

  @Test
  @DisplayName("server errors on a read are retried until it succeeds")
  void serverErrorsOnReadAreRetried() {
    assumeSupported(ContractFeature.SERVER_ERROR);
    fixture.seed(minutes(0, 1));
    long perRead = callsFor(this::readFirstPage);

    fixture.injectServerError(2);
    long calls = callsFor(() -> assertThat(readFirstPage().records()).hasSize(2));

    assertThat(calls).as("host calls: two failures and the retry").isEqualTo(perRead + 2);
  }

  @Test
  @DisplayName("a server error on a write is retried, and the record is made once")
  void serverErrorOnWriteIsRetriedOnce() {
    assumeSupported(ContractFeature.SERVER_ERROR);
    assumeSupported(ContractFeature.IDEMPOTENT_WRITE);
    WriteRequest write = fixture.newWrite("contract-retry-1");
    long before = fixture.countRecords(write.hostObject());

    fixture.injectServerError(1);
    WriteOutcome outcome = connection.sink(write.hostObject()).write(write);

    assertThat(outcome.succeeded()).as("outcome %s", outcome).isTrue();
    assertThat(fixture.countRecords(write.hostObject())).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("a permanent error on a read is not retried and carries the host's message")
  void permanentReadErrorCarriesHostMessage() {
    assumeSupported(ContractFeature.PERMANENT_ERROR);
    fixture.seed(minutes(0));
    String hostMessage = fixture.injectPermanentError();
    long calls0 = fixture.hostCalls();

    Throwable thrown = catchThrowable(this::readFirstPage);

    assertThat(thrown).isInstanceOfAny(PermanentException.class, ConfigurationException.class);
    ConnectorException e = (ConnectorException) thrown;
    assertThat(e.getMessage() + " | " + e.hostMessage()).contains(hostMessage);
    assertThat(fixture.hostCalls() - calls0).as("host calls (no retry)").isEqualTo(1);
  }

  @Test
  @DisplayName("a permanent error on a write is a Permanent outcome with the host's message")
  void permanentWriteErrorCarriesHostMessage() {
    assumeSupported(ContractFeature.PERMANENT_ERROR);
    assumeSupported(ContractFeature.IDEMPOTENT_WRITE);
    WriteRequest write = fixture.newWrite("contract-rejected-1");
    long before = fixture.countRecords(write.hostObject());
    String hostMessage = fixture.injectPermanentError();

    WriteOutcome outcome = connection.sink(write.hostObject()).write(write);

    assertThat(outcome).isInstanceOf(WriteOutcome.Permanent.class);
    assertThat(((WriteOutcome.Permanent) outcome).reason()).contains(hostMessage);
    assertThat(fixture.countRecords(write.hostObject())).isEqualTo(before);
  }

  // ---- helpers for subclasses and the tests above

  /** Skips the calling test, with the fixture's reason, when it cannot exercise {@code feature}. */
  protected void assumeSupported(ContractFeature feature) {
    String reason = fixture.unsupported().get(feature);
    assumeTrue(reason == null, () -> "fixture cannot exercise " + feature + ": " + reason);
  }

  /** {@link #BASE} plus each number of minutes. */
  protected static List<Instant> minutes(int... offsets) {
    List<Instant> times = new ArrayList<>(offsets.length);
    for (int m : offsets) {
      times.add(BASE.plus(Duration.ofMinutes(m)));
    }
    return times;
  }

  /** The first page of the stream, with a limit large enough for the fault tests' records. */
  protected Page readFirstPage() {
    return connection.source(fixture.stream()).readPage(null, 10);
  }

  /** Host calls made while {@code action} ran. */
  protected long callsFor(Runnable action) {
    long before = fixture.hostCalls();
    action.run();
    return fixture.hostCalls() - before;
  }

  /** One page and the watermark it was read from. */
  protected record Read(Watermark from, Page page) {}

  /**
   * Reads pages from {@code from} until one comes back empty (that last, empty page included),
   * checking on the way that no page exceeds {@code limit} and that an empty page hands back the
   * watermark it was given.
   */
  protected List<Read> readToEnd(Watermark from, int limit) {
    SourceStream stream = connection.source(fixture.stream());
    List<Read> reads = new ArrayList<>();
    Watermark at = from;
    for (int i = 0; i < 1000; i++) {
      Page page = stream.readPage(at, limit);
      reads.add(new Read(at, page));
      assertThat(page.records().size())
          .as("page size with limit %d", limit)
          .isLessThanOrEqualTo(limit);
      if (page.records().isEmpty()) {
        if (at != null) {
          assertThat(page.next()).as("an empty page keeps the watermark").isEqualTo(at);
        }
        assertThat(page.hasMore()).as("an empty page has no more").isFalse();
        return reads;
      }
      at = page.next();
    }
    throw new AssertionError("the stream never ended (1000 pages); is the watermark advancing?");
  }

  protected static List<SourceRecord> records(List<Read> reads) {
    List<SourceRecord> records = new ArrayList<>();
    for (Read read : reads) {
      records.addAll(read.page().records());
    }
    return records;
  }

  protected static List<String> ids(List<SourceRecord> records) {
    List<String> ids = new ArrayList<>(records.size());
    for (SourceRecord r : records) {
      ids.add(r.hostId());
    }
    return ids;
  }
}
