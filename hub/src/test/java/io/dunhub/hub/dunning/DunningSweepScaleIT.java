package io.dunhub.hub.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.hub.dunning.calendar.BusinessCalendar;
import io.dunhub.hub.dunning.calendar.JollydayHolidays;
import io.dunhub.hub.dunning.fee.LateFeeCalculator;
import io.dunhub.hub.dunning.policy.BundledPolicies;
import io.dunhub.hub.dunning.policy.PolicySet;
import io.dunhub.hub.notice.Brand;
import io.dunhub.hub.notice.NoticeRenderer;
import io.dunhub.hub.notice.TrackingLinks;
import io.dunhub.hub.outbox.JdbcOutbox;
import io.dunhub.hub.outbox.RetryPolicy;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.MutableClock;
import io.dunhub.hub.testing.StoreKind;
import io.dunhub.hub.testing.StoreTest;
import io.dunhub.hub.writeback.WriteBackPlanner;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The sweep's cost follows the work due: with 20,000 cases waiting for a later date and 20 due, it
 * evaluates exactly the 20 parties that are due.
 */
class DunningSweepScaleIT {

  @StoreTest
  void theSweepTouchesOnlyDueCases(Store store, StoreKind kind) {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-13T12:00:00Z"));
    OffsetDateTime later = OffsetDateTime.of(2026, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    OffsetDateTime due = OffsetDateTime.of(2026, 3, 13, 11, 0, 0, 0, ZoneOffset.UTC);
    store
        .jdbi()
        .useHandle(
            h -> {
              PreparedBatch batch =
                  h.prepareBatch(
                      "INSERT INTO dunning_cases (id, invoice_id, party_id, version, next_evaluation_at, created_at, updated_at)"
                          + " VALUES (:id, :inv, :party, 1, :next, :next, :next)");
              for (int i = 0; i < 20_020; i++) {
                batch
                    .bind("id", "case-" + i)
                    .bind("inv", "inv-" + i)
                    .bind("party", "party-" + i)
                    .bind("next", i < 20 ? due : later)
                    .add();
              }
              batch.execute();
            });
    JdbcOutbox outbox = new JdbcOutbox(store, clock, RetryPolicy.DEFAULT);
    DunningSweep sweep = sweep(store, clock, outbox);

    long start = System.nanoTime();
    DunningSweep.Result result = sweep.run(500);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "[dunning sweep] " + kind + ": 20,020 cases, 20 due, swept in " + millis + " ms");

    assertThat(result.parties()).isEqualTo(20);
    assertThat(sweep.run(500).parties())
        .isZero(); // the due ones were rescheduled (party not found → parked)
  }

  /**
   * A party's case that waits for a later evaluation keeps its plan while a sibling is due: the
   * sweep decides on the due case alone (every change that could alter the waiting case's decision
   * makes it due itself), so the notice names the due invoice only and the waiting row is not
   * rewritten.
   */
  @StoreTest
  void aCaseWaitingForALaterEvaluationIsLeftAsItIs(Store store) {
    Instant at = AT;
    MutableClock clock = new MutableClock(at);
    LedgerSeeder seed = customerP1(store);
    seed.invoice(Fixtures.invoice("a", "p1", "2026-03-10", "100", "USD"));
    seed.invoice(Fixtures.invoice("b", "p1", "2026-03-20", "250", "USD"));
    new DunningCases(store, clock).openMissing();
    Instant later = at.plus(java.time.Duration.ofDays(5));
    waiting(store, "b", null, later);
    JdbcOutbox outbox = new JdbcOutbox(store, clock, RetryPolicy.DEFAULT);

    DunningSweep.Result result = sweep(store, clock, outbox).run(500);

    assertThat(result.parties()).isEqualTo(1);
    assertThat(notices(outbox)).hasSize(1);
    assertThat(notices(outbox).get(0).invoiceNumbers()).containsExactly("INV-a");
    assertThat(caseRow(store, "b"))
        .containsEntry("next", later)
        .containsEntry("status", "waiting")
        .containsEntry("version", 1L);
    assertThat(caseRow(store, "a").get("status").toString()).startsWith("sent step due+3d");
  }

  /**
   * A case whose policy is chosen now, under policies with an open-balance threshold, is decided on
   * the party's whole open balance, not just the due invoice's: the sweep reads the party's other
   * open cases for it.
   */
  @StoreTest
  void aNewCaseIsGivenItsPolicyOnThePartysWholeOpenBalance(Store store) {
    Instant at = AT;
    MutableClock clock = new MutableClock(at);
    LedgerSeeder seed = customerP1(store);
    seed.invoice(Fixtures.invoice("old", "p1", "2026-04-20", "900", "USD"));
    seed.invoice(Fixtures.invoice("new", "p1", "2026-04-25", "200", "USD"));
    new DunningCases(store, clock).openMissing();
    // the older invoice's case was decided before (standard policy, waiting for its first step)
    waiting(store, "old", "standard", at.plus(java.time.Duration.ofDays(20)));
    java.util.Map<String, String> sources = new java.util.TreeMap<>(BundledPolicies.sources());
    sources.put(
        "policies/key-accounts.yaml",
        "policy: key-accounts\norder: 1\nwhen:\n  open_balance:\n    USD: {min: 1000}\n"
            + "steps:\n  - at: due+10d\n    action: task\n    assignee: owner\n");
    PolicySet policies =
        new io.dunhub.hub.dunning.policy.PolicyLoader(new NoticeRenderer()::exists).load(sources);
    JdbcOutbox outbox = new JdbcOutbox(store, clock, RetryPolicy.DEFAULT);

    sweep(store, clock, outbox, policies).run(500);

    // 900 + 200 = USD 1,100 open: the new invoice's case is a key account's
    assertThat(caseRow(store, "new")).containsEntry("policy", "key-accounts");
  }

  /**
   * Nothing is locked while a party is decided: a dispute opened on its case between the sweep's
   * read and its write makes the write fail, so the reminder decided on the undisputed case rolls
   * back with it; the next decision sees the dispute and sends nothing.
   */
  @StoreTest
  void aCaseChangedWhileItIsDecidedIsDecidedAgain(Store store) {
    Instant at = AT;
    MutableClock clock = new MutableClock(at);
    LedgerSeeder seed = customerP1(store);
    seed.invoice(Fixtures.invoice("a", "p1", "2026-03-10", "100", "USD"));
    DunningCases cases = new DunningCases(store, clock);
    cases.openMissing();
    JdbcOutbox outbox = new JdbcOutbox(store, clock, RetryPolicy.DEFAULT);
    Evaluator evaluator =
        new Evaluator(new BusinessCalendar(new JollydayHolidays()), new LateFeeCalculator());
    DunningApplicator applicator =
        new DunningApplicator(
            outbox, new WriteBackPlanner(outbox), Brand.plain("N"), new TrackingLinks("https://h"));
    PolicySet policies = BundledPolicies.load(new NoticeRenderer()::exists);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                store
                    .jdbi()
                    .useTransaction(
                        h -> {
                          LedgerReader.Loaded l =
                              LedgerReader.loadAll(h, List.of("p1"), at, LedgerReader.Scope.DUE)
                                  .get("p1");
                          Evaluation e = evaluator.evaluate(l.facts(), policies, l.history(), at);
                          assertThat(e.actions()).as("a reminder was decided").isNotEmpty();
                          // meanwhile, in another transaction (another thread: this one's
                          // handle would be shared)
                          java.util.concurrent.CompletableFuture.runAsync(
                                  () -> cases.dispute("a", true))
                              .join();
                          DunningApplicator.Deferred d = applicator.deferred(h);
                          applicator.apply(h, l.facts(), e, at, d, l.stored());
                          d.flush();
                        }))
        .isInstanceOf(DunningApplicator.CaseChanged.class)
        .hasMessageContaining("decided again");
    assertThat(notices(outbox)).as("rolled back with the write").isEmpty();

    sweep(store, clock, outbox).run(500);

    assertThat(notices(outbox)).isEmpty();
    assertThat(caseRow(store, "a").get("status").toString()).startsWith("paused: dispute");
  }

  /**
   * A group of parties is written with plain inserts; a notice whose outbox row exists already
   * (another node decided it) fails the group, and its parties are decided again one by one, each
   * skipping what exists: the other party's reminder is not lost and the existing one not doubled.
   */
  @StoreTest
  void aNoticeThatExistsFailsItsGroupAndEachPartyIsDecidedAgain(Store store) {
    MutableClock clock = new MutableClock(AT);
    LedgerSeeder seed = customerP1(store);
    seed.party(Fixtures.party("p2", "US", "America/New_York"));
    seed.contact(Fixtures.billing("p2"));
    seed.invoice(Fixtures.invoice("a", "p1", "2026-03-10", "100", "USD"));
    seed.invoice(Fixtures.invoice("b", "p2", "2026-03-10", "300", "USD"));
    new DunningCases(store, clock).openMissing();
    JdbcOutbox outbox = new JdbcOutbox(store, clock, RetryPolicy.DEFAULT);
    DunningSweep sweep = sweep(store, clock, outbox);
    DunningAction.Notice p1Reminder =
        sweep.plan(AT, "p1").get(0).actions().stream()
            .filter(DunningAction.Notice.class::isInstance)
            .map(DunningAction.Notice.class::cast)
            .findFirst()
            .orElseThrow();
    String key = DunningApplicator.noticeKey(p1Reminder);
    store
        .jdbi()
        .useHandle(
            h ->
                outbox.enqueue(
                    h,
                    new io.dunhub.hub.outbox.OutboxEntry(
                        key, "NOTICE", "EMAIL", null, "p1", "{\"sent by\": \"another node\"}")));

    DunningSweep.Result result = sweep.run(500);

    assertThat(result.parties()).isEqualTo(2);
    List<io.dunhub.hub.outbox.OutboxRow> rows = outbox.all("NOTICE");
    assertThat(rows).extracting(io.dunhub.hub.outbox.OutboxRow::partyId).containsOnly("p1", "p2");
    assertThat(rows).hasSize(2);
    assertThat(rows)
        .filteredOn(r -> r.idempotencyKey().equals(key))
        .singleElement()
        .satisfies(r -> assertThat(r.payload()).contains("another node"));
    assertThat((String) caseRow(store, "a").get("status")).startsWith("sent step due+3d");
    assertThat((String) caseRow(store, "b").get("status")).startsWith("sent step due+3d");
  }

  /** A Friday afternoon in New York, inside the contact window. */
  private static final Instant AT = Instant.parse("2026-03-13T15:00:00Z");

  /**
   * Gives the invoice's case the plan an earlier sweep would have left: status "waiting" until
   * {@code later}, and {@code policy} when not null.
   */
  private static void waiting(Store store, String invoiceId, String policy, Instant later) {
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE dunning_cases SET policy_id = COALESCE(:policy, policy_id),"
                            + " next_evaluation_at = :later, last_status = 'waiting'"
                            + " WHERE invoice_id = :invoice")
                    .bind("policy", policy)
                    .bind("later", later)
                    .bind("invoice", invoiceId)
                    .execute());
  }

  /** Seeds customer p1 (New York) with its billing contact. */
  private static LedgerSeeder customerP1(Store store) {
    LedgerSeeder seed = new LedgerSeeder(store, AT);
    seed.party(Fixtures.party("p1", "US", "America/New_York"));
    seed.contact(Fixtures.billing("p1"));
    return seed;
  }

  private static List<io.dunhub.hub.notice.NoticePayload> notices(JdbcOutbox outbox) {
    return outbox.all("NOTICE").stream()
        .map(
            r ->
                io.dunhub.hub.dunning.CanonicalReader.read(
                    r.payload(), io.dunhub.hub.notice.NoticePayload.class, "outbox"))
        .toList();
  }

  private static java.util.Map<String, Object> caseRow(Store store, String invoiceId) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT policy_id, next_evaluation_at, last_status, version FROM dunning_cases"
                            + " WHERE invoice_id = :i")
                    .bind("i", invoiceId)
                    .map(
                        (rs, ctx) -> {
                          java.util.Map<String, Object> m = new java.util.HashMap<>();
                          m.put("policy", rs.getString(1));
                          OffsetDateTime next = rs.getObject(2, OffsetDateTime.class);
                          m.put("next", next == null ? null : next.toInstant());
                          m.put("status", rs.getString(3));
                          m.put("version", rs.getLong(4));
                          return m;
                        })
                    .one());
  }

  private static DunningSweep sweep(Store store, MutableClock clock, JdbcOutbox outbox) {
    return sweep(store, clock, outbox, BundledPolicies.load(new NoticeRenderer()::exists));
  }

  private static DunningSweep sweep(
      Store store, MutableClock clock, JdbcOutbox outbox, PolicySet policies) {
    return new DunningSweep(
        store,
        clock,
        new DunningCases(store, clock),
        new Evaluator(new BusinessCalendar(new JollydayHolidays()), new LateFeeCalculator()),
        new DunningApplicator(
            outbox, new WriteBackPlanner(outbox), Brand.plain("N"), new TrackingLinks("https://h")),
        policies);
  }
}
