package io.dunhub.hub.dunning.fee;

import io.dunhub.core.model.Money;
import io.dunhub.hub.dunning.policy.FeeRule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Computes late fees: fixed, a percentage of the open balance, or EU statutory interest (reference
 * rate + points, simple daily interest on an actual/365 basis from the day after the due date up to
 * and including the day of calculation, each day at the rate of its half-year, plus the flat
 * compensation). Amounts are rounded half-up to the currency's minor unit.
 */
public final class LateFeeCalculator {

  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365");

  /**
   * The fee for an invoice, or empty when the rule has no amount for its currency or nothing is
   * owed.
   *
   * @param openBalance what is still open on the invoice
   * @param due the invoice's due date
   * @param asOf the day the fee is calculated (inclusive)
   */
  public Optional<LateFee> compute(FeeRule rule, Money openBalance, LocalDate due, LocalDate asOf) {
    if (!openBalance.isPositive()) {
      return Optional.empty();
    }
    if (rule instanceof FeeRule.Fixed fixed) {
      return amount(fixed.amounts(), openBalance).map(m -> new LateFee(m, "late fee " + m));
    }
    if (rule instanceof FeeRule.Percent percent) {
      BigDecimal raw =
          openBalance.amount().multiply(percent.percent()).divide(HUNDRED, MathContext.DECIMAL64);
      BigDecimal cap = percent.cap().get(openBalance.currency());
      if (cap != null && raw.compareTo(cap) > 0) {
        raw = cap;
      }
      Money fee = round(raw, openBalance);
      return fee.isPositive()
          ? Optional.of(
              new LateFee(
                  fee,
                  "late fee of "
                      + percent.percent().stripTrailingZeros().toPlainString()
                      + "% on "
                      + openBalance))
          : Optional.empty();
    }
    FeeRule.Statutory statutory = (FeeRule.Statutory) rule;
    return Optional.of(statutory(statutory, openBalance, due, asOf));
  }

  private LateFee statutory(FeeRule.Statutory rule, Money balance, LocalDate due, LocalDate asOf) {
    BigDecimal interest = BigDecimal.ZERO;
    long days = 0;
    LocalDate day = due.plusDays(1);
    while (!day.isAfter(asOf)) {
      LocalDate periodStart = halfYearStart(day);
      LocalDate periodEnd = periodStart.plusMonths(6);
      LocalDate until = asOf.plusDays(1).isBefore(periodEnd) ? asOf.plusDays(1) : periodEnd;
      long n = ChronoUnit.DAYS.between(day, until);
      Map.Entry<LocalDate, BigDecimal> rate = rule.referenceRates().floorEntry(periodStart);
      BigDecimal reference = rate == null ? BigDecimal.ZERO : rate.getValue();
      BigDecimal annual = reference.add(rule.points());
      interest =
          interest.add(
              balance
                  .amount()
                  .multiply(annual)
                  .multiply(BigDecimal.valueOf(n))
                  .divide(HUNDRED.multiply(DAYS_PER_YEAR), MathContext.DECIMAL64));
      days += n;
      day = until;
    }
    Money interestMoney = round(interest, balance);
    Money compensation =
        amount(rule.compensation(), balance).orElse(Money.zero(balance.currency()));
    Money total = interestMoney.plus(compensation);
    String text =
        "statutory interest of "
            + interestMoney
            + " for "
            + days
            + " day(s) on "
            + balance
            + (compensation.isPositive() ? " plus " + compensation + " flat compensation" : "");
    return new LateFee(total, text);
  }

  /** 1 January or 1 July of the date's half-year, when the reference rate resets. */
  static LocalDate halfYearStart(LocalDate date) {
    return LocalDate.of(date.getYear(), date.getMonthValue() <= 6 ? 1 : 7, 1);
  }

  private static Optional<Money> amount(Map<java.util.Currency, BigDecimal> amounts, Money like) {
    BigDecimal a = amounts.get(like.currency());
    return a == null ? Optional.empty() : Optional.of(round(a, like));
  }

  private static Money round(BigDecimal amount, Money like) {
    int digits = Math.max(like.currency().getDefaultFractionDigits(), 0);
    return new Money(amount.setScale(digits, RoundingMode.HALF_UP), like.currency());
  }
}
