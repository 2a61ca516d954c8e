package io.dunhub.hub.report;

import io.dunhub.core.model.Money;
import io.dunhub.hub.dunning.policy.PolicySet;
import io.dunhub.hub.store.Store;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Receivables reports computed from the store: aging, receivables at risk, DSO and its daily trend,
 * collection effectiveness, recovery rates and upcoming dunning actions. Usable without HTTP (the
 * demo's summary, the admin API's {@code /api/reports/overview}); definitions are in {@code
 * docs/reports.md}. Days are taken in one zone (the schedules' zone); "the report day" {@code asOf}
 * means its end.
 *
 * <pre>{@code
 * ReceivablesReports reports = new ReceivablesReports(store, clock, ZoneOffset.UTC, policies);
 * Overview o = reports.overview(reports.today());
 * BigDecimal dso = reports.dso("USD", reports.today());
 * }</pre>
 */
public final class ReceivablesReports {

  /** Days of DSO trend in the overview. */
  public static final int TREND_DAYS = 30;

  /** How far ahead the overview lists dunning actions. */
  public static final Duration UPCOMING = Duration.ofDays(7);

  private final Store store;
  private final Clock clock;
  private final ZoneId zone;
  private final PolicySet policies;

  /**
   * @param policies the dunning policies, to name the next step of upcoming actions; may be null
   */
  public ReceivablesReports(Store store, Clock clock, ZoneId zone, PolicySet policies) {
    this.store = store;
    this.clock = clock;
    this.zone = zone;
    this.policies = policies;
  }

  /** Today in the report zone. */
  public LocalDate today() {
    return clock.instant().atZone(zone).toLocalDate();
  }

  /** The whole overview of one day. */
  public Overview overview(LocalDate asOf) {
    LedgerSnapshot ledger = LedgerSnapshot.load(store, zone);
    List<CurrencyReceivables> currencies = receivables(ledger, asOf);
    String reporting =
        currencies.stream()
            .max(
                Comparator.comparing((CurrencyReceivables c) -> c.receivables().amount())
                    .thenComparing(CurrencyReceivables::currency, Comparator.reverseOrder()))
            .map(CurrencyReceivables::currency)
            .orElse(null);
    List<DsoPoint> trend =
        reporting == null ? List.of() : Dso.trend(ledger, reporting, asOf, TREND_DAYS);
    BigDecimal cei =
        currencies.stream()
            .filter(c -> c.currency().equals(reporting))
            .map(CurrencyReceivables::cei)
            .findFirst()
            .orElse(null);
    return new Overview(
        asOf,
        currencies,
        reporting,
        trend,
        cei,
        RecoveryRates.compute(store, ledger, zone, endOf(asOf)),
        upcoming(UPCOMING));
  }

  /** Receivables, aging, risk, DSO and CEI per currency at the end of {@code asOf}. */
  public List<CurrencyReceivables> receivables(LocalDate asOf) {
    return receivables(LedgerSnapshot.load(store, zone), asOf);
  }

  private List<CurrencyReceivables> receivables(LedgerSnapshot ledger, LocalDate asOf) {
    Set<String> flagged = RiskFlags.invoices(store);
    List<CurrencyReceivables> result = new ArrayList<>();
    for (String currency : ledger.currencies()) {
      Map<AgingBucket, BigDecimal> sums = new EnumMap<>(AgingBucket.class);
      Map<AgingBucket, Integer> counts = new EnumMap<>(AgingBucket.class);
      BigDecimal total = BigDecimal.ZERO;
      BigDecimal atRisk = BigDecimal.ZERO;
      for (LedgerSnapshot.Entry e : ledger.in(currency)) {
        BigDecimal balance = e.balanceAt(asOf);
        if (balance.signum() <= 0) {
          continue;
        }
        long late = e.daysPastDue(asOf);
        AgingBucket bucket = AgingBucket.of(late);
        sums.merge(bucket, balance, BigDecimal::add);
        counts.merge(bucket, 1, Integer::sum);
        total = total.add(balance);
        if (late > 60 || flagged.contains(e.id())) {
          atRisk = atRisk.add(balance);
        }
      }
      List<AgingLine> aging = new ArrayList<>();
      for (AgingBucket b : AgingBucket.values()) {
        aging.add(
            new AgingLine(
                b,
                money(sums.getOrDefault(b, BigDecimal.ZERO), currency),
                counts.getOrDefault(b, 0)));
      }
      result.add(
          new CurrencyReceivables(
              currency,
              money(total, currency),
              aging,
              money(atRisk, currency),
              Dso.at(ledger, currency, asOf),
              Cei.of(ledger, currency, asOf.minusDays(Cei.PERIOD_DAYS), asOf)));
    }
    return result;
  }

  /** DSO in one currency at the end of {@code day} (null without sales in the 90 days). */
  public BigDecimal dso(String currency, LocalDate day) {
    return Dso.at(LedgerSnapshot.load(store, zone), currency, day);
  }

  /** DSO at the end of each of the {@code days} days up to {@code last}. */
  public List<DsoPoint> dsoTrend(String currency, LocalDate last, int days) {
    return Dso.trend(LedgerSnapshot.load(store, zone), currency, last, days);
  }

  /** CEI in one currency over {@code (from, to]}. */
  public BigDecimal cei(String currency, LocalDate from, LocalDate to) {
    return Cei.of(LedgerSnapshot.load(store, zone), currency, from, to);
  }

  /** Recovery rates of the notices sent up to the end of {@code asOf}. */
  public List<RecoveryRate> recovery(LocalDate asOf) {
    return RecoveryRates.compute(store, LedgerSnapshot.load(store, zone), zone, endOf(asOf));
  }

  /** Cases due for evaluation from now until {@code ahead} from now (and any already due). */
  public List<UpcomingAction> upcoming(Duration ahead) {
    return UpcomingActions.before(store, policies, zone, clock.instant().plus(ahead));
  }

  private Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(zone).toInstant();
  }

  private static Money money(BigDecimal amount, String currency) {
    Money m = Money.of(amount, currency);
    int digits = Math.max(m.currency().getDefaultFractionDigits(), 0);
    return new Money(amount.setScale(digits, RoundingMode.HALF_UP), m.currency());
  }
}
