package io.dunhub.hub.dunning;

import static org.assertj.core.api.Assertions.assertThat;

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
   * The sweep reads the invoices of cases that are not due from their columns only; when such a
   * case acts after all (here it reaches its step together with a due one and joins its notice),
   * the party is decided again on full records: the notice carries both invoices with their payment
   * links.
   */
  @StoreTest
  void aCaseNotDueThatJoinsANoticeIsDecidedOnItsFullRecord(Store store) {
    Instant at = Instant.parse("2026-03-13T15:00:00Z");
    MutableClock clock = new MutableClock(at);
    LedgerSeeder seed = new LedgerSeeder(store, at);
    seed.party(Fixtures.party("p1", "US", "America/New_York"));
    seed.contact(Fixtures.billing("p1"));
    seed.invoice(Fixtures.invoice("a", "p1", "2026-03-10", "100", "USD"));
    seed.invoice(Fixtures.invoice("b", "p1", "2026-03-10", "250", "USD"));
    new DunningCases(store, clock).openMissing();
    // b waits for a later evaluation (as a stale plan would have it); a is due now
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE dunning_cases SET next_evaluation_at = :later WHERE invoice_id = 'b'")
                    .bind("later", at.plus(java.time.Duration.ofDays(5)))
                    .execute());
    JdbcOutbox outbox = new JdbcOutbox(store, clock, RetryPolicy.DEFAULT);
    DunningSweep sweep = sweep(store, clock, outbox);

    sweep.run(500);

    List<io.dunhub.hub.notice.NoticePayload> notices =
        outbox.all("NOTICE").stream()
            .map(
                r ->
                    io.dunhub.hub.dunning.CanonicalReader.read(
                        r.payload(), io.dunhub.hub.notice.NoticePayload.class, "outbox"))
            .toList();
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0).invoiceNumbers()).containsExactlyInAnyOrder("INV-a", "INV-b");
    assertThat(notices.get(0).content().lines())
        .extracting(io.dunhub.hub.notice.NoticeLine::paymentLink)
        .containsExactlyInAnyOrder("https://pay.example/a", "https://pay.example/b");
    String html = notices.get(0).render(new NoticeRenderer()).html();
    assertThat(html).contains("INV-a", "INV-b", "$250.00");
  }

  private static DunningSweep sweep(Store store, MutableClock clock, JdbcOutbox outbox) {
    NoticeRenderer renderer = new NoticeRenderer();
    return new DunningSweep(
        store,
        clock,
        new DunningCases(store, clock),
        new Evaluator(new BusinessCalendar(new JollydayHolidays()), new LateFeeCalculator()),
        new DunningApplicator(
            outbox, new WriteBackPlanner(outbox), Brand.plain("N"), new TrackingLinks("https://h")),
        BundledPolicies.load(renderer::exists));
  }
}
