package io.dunhub.hub.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dunhub.hub.dunning.policy.BundledPolicies;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.MutableClock;
import io.dunhub.hub.testing.StoreTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Every report figure on the small ledger of {@link ReportLedger#seedStandard()}, worked by hand.
 */
class ReceivablesReportsTest {

  private static final LocalDate AS_OF = LocalDate.parse("2026-03-31");

  private static ReceivablesReports reports(Store store) {
    new ReportLedger(store).seedStandard();
    return new ReceivablesReports(
        store,
        new MutableClock(Instant.parse("2026-03-31T12:00:00Z")),
        ZoneOffset.UTC,
        BundledPolicies.load(t -> true));
  }

  @StoreTest
  void agingAndRiskPerCurrencyLeaveOutVoidAndPaidInvoices(Store store) {
    List<CurrencyReceivables> result = reports(store).receivables(AS_OF);

    assertThat(result).extracting(CurrencyReceivables::currency).containsExactly("EUR", "USD");
    CurrencyReceivables usd = result.get(1);
    assertThat(usd.receivables().amount()).isEqualTo(new BigDecimal("2750.00"));
    assertThat(usd.aging())
        .extracting(a -> a.bucket().label(), a -> a.amount().amount(), AgingLine::count)
        .containsExactly(
            tuple("current", new BigDecimal("1000.00"), 1),
            tuple("1-30", new BigDecimal("300.00"), 1),
            tuple("31-60", new BigDecimal("800.00"), 1),
            tuple("61-90", new BigDecimal("400.00"), 1),
            tuple("90+", new BigDecimal("250.00"), 1));
    // D and E are 61+ days late; C's promise to pay was broken
    assertThat(usd.atRisk().amount()).isEqualTo(new BigDecimal("1450.00"));

    CurrencyReceivables eur = result.get(0);
    assertThat(eur.receivables().amount()).isEqualTo(new BigDecimal("2000.00"));
    assertThat(eur.aging().get(0).amount().amount()).isEqualTo(new BigDecimal("2000.00"));
    // not late, but disputed
    assertThat(eur.atRisk().amount()).isEqualTo(new BigDecimal("2000.00"));
  }

  @StoreTest
  void dsoIsReceivablesOverNinetyDaysOfSales(Store store) {
    ReceivablesReports reports = reports(store);

    // 2750 owed / 3000 sold since 2025-12-31 (C, B, F, A, I) × 90
    assertThat(reports.dso("USD", AS_OF)).isEqualTo(new BigDecimal("82.5"));
    assertThat(reports.dso("EUR", AS_OF)).isEqualTo(new BigDecimal("90.0"));
    assertThat(reports.dso("USD", LocalDate.parse("2025-06-01"))).isNull();
  }

  @StoreTest
  void dsoTrendRollsBalancesBackByPaymentDate(Store store) {
    List<DsoPoint> trend = reports(store).dsoTrend("USD", LocalDate.parse("2026-03-11"), 3);

    // on 03-09 B's 200, F's 600 and I's 100 were still owed: 3650 / 3000 × 90
    assertThat(trend)
        .containsExactly(
            new DsoPoint(LocalDate.parse("2026-03-09"), new BigDecimal("109.5")),
            new DsoPoint(LocalDate.parse("2026-03-10"), new BigDecimal("103.5")),
            new DsoPoint(LocalDate.parse("2026-03-11"), new BigDecimal("103.5")));
  }

  @StoreTest
  void ceiComparesWhatWasCollectedWithWhatWasCollectible(Store store) {
    ReceivablesReports reports = reports(store);

    // (3550 + 100 - 2750) / (3550 + 100 - 1000) × 100
    assertThat(reports.cei("USD", LocalDate.parse("2026-03-01"), AS_OF))
        .isEqualTo(new BigDecimal("34.0"));
    // nothing EUR was collectible yet: all of it is current
    assertThat(reports.cei("EUR", LocalDate.parse("2026-03-01"), AS_OF)).isNull();
  }

  @StoreTest
  void recoveryCountsNoticesFollowedByAPaymentWithin30Days(Store store) {
    List<RecoveryRate> rates = reports(store).recovery(AS_OF);

    assertThat(rates)
        .extracting(
            RecoveryRate::by,
            RecoveryRate::key,
            RecoveryRate::notices,
            RecoveryRate::paidWithin30d,
            RecoveryRate::rate)
        .containsExactly(
            tuple("step", "due+14d", 1, 0, new BigDecimal("0.0000")),
            tuple("step", "due+3d", 3, 2, new BigDecimal("0.6667")),
            tuple("step", "due-3d", 1, 1, new BigDecimal("1.0000")),
            tuple("step", "final", 1, 0, new BigDecimal("0.0000")),
            tuple("channel", "email", 3, 2, new BigDecimal("0.6667")),
            tuple("channel", "letter", 1, 0, new BigDecimal("0.0000")),
            tuple("channel", "sms", 2, 1, new BigDecimal("0.5000")),
            tuple("template", "final-notice", 1, 0, new BigDecimal("0.0000")),
            tuple("template", "friendly-reminder", 4, 3, new BigDecimal("0.7500")),
            tuple("template", "overdue-reminder", 1, 0, new BigDecimal("0.0000")));
  }

  @StoreTest
  void upcomingActionsNameThePolicysNextStep(Store store) {
    List<UpcomingAction> upcoming = reports(store).upcoming(ReceivablesReports.UPCOMING);

    assertThat(upcoming)
        .extracting(
            UpcomingAction::date,
            UpcomingAction::invoiceNumber,
            UpcomingAction::party,
            UpcomingAction::step,
            UpcomingAction::channel)
        .containsExactly(
            tuple(LocalDate.parse("2026-04-02"), "INV-C", "Acme Corp", "due+7d", "email"),
            tuple(LocalDate.parse("2026-04-03"), "INV-A", "Acme Corp", "due+3d", "notice"));
  }

  @StoreTest
  void overviewUsesTheCurrencyWithTheMostReceivablesForTrendAndCei(Store store) {
    Overview o = reports(store).overview(AS_OF);

    assertThat(o.reportingCurrency()).isEqualTo("USD");
    assertThat(o.dso()).hasSize(ReceivablesReports.TREND_DAYS);
    assertThat(o.dso().get(o.dso().size() - 1))
        .isEqualTo(new DsoPoint(AS_OF, new BigDecimal("82.5")));
    assertThat(o.cei()).isEqualTo(new BigDecimal("34.0"));
    assertThat(o.recovery()).hasSize(10);
    assertThat(o.upcoming()).hasSize(2);
  }
}
