package io.dunhub.hub.dunning.fee;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.model.Money;
import io.dunhub.hub.dunning.policy.FeeRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LateFeeCalculatorTest {

  private final LateFeeCalculator calculator = new LateFeeCalculator();

  @Test
  void fixedFeeInTheInvoiceCurrencyOnly() {
    FeeRule rule = new FeeRule.Fixed(Map.of(Money.currency("USD"), new BigDecimal("25")));
    assertThat(calculator.compute(rule, Money.of("100", "USD"), day(1, 1), day(1, 20)))
        .map(LateFee::amount)
        .contains(Money.of("25.00", "USD"));
    assertThat(calculator.compute(rule, Money.of("100", "EUR"), day(1, 1), day(1, 20))).isEmpty();
  }

  @Test
  void percentOfOpenBalanceRoundedHalfUpAndCapped() {
    FeeRule rule =
        new FeeRule.Percent(
            new BigDecimal("1.5"), Map.of(Money.currency("USD"), new BigDecimal("50")));
    assertThat(calculator.compute(rule, Money.of("333.33", "USD"), day(1, 1), day(1, 2)))
        .map(LateFee::amount)
        .contains(Money.of("5.00", "USD")); // 4.99995 → 5.00
    assertThat(calculator.compute(rule, Money.of("10000", "USD"), day(1, 1), day(1, 2)))
        .map(LateFee::amount)
        .contains(Money.of("50.00", "USD"));
    assertThat(calculator.compute(rule, Money.of("1000", "JPY"), day(1, 1), day(1, 2)))
        .map(LateFee::amount)
        .contains(Money.of("15", "JPY"));
  }

  @Test
  void statutoryInterestIsSimpleDailyFromTheDayAfterDuePlusFortyEuros() {
    FeeRule rule = statutory();
    // 10,000 EUR due 31 May 2026, calculated 30 June: 30 days at 3.00 + 8 = 11 %
    // 10000 * 11 / 100 * 30 / 365 = 90.41, plus 40
    LateFee fee =
        calculator
            .compute(
                rule,
                Money.of("10000", "EUR"),
                LocalDate.of(2026, 5, 31),
                LocalDate.of(2026, 6, 30))
            .orElseThrow();
    assertThat(fee.amount()).isEqualTo(Money.of("130.41", "EUR"));
    assertThat(fee.description()).contains("30 day(s)").contains("40.00 EUR flat compensation");
  }

  @Test
  void statutoryInterestUsesTheRateOfEachHalfYear() {
    FeeRule rule = statutory();
    // due 20 Dec 2025 (rate 2.15 from July 2025), calculated 9 Jan 2026 (rate 3.00 from Jan 2026)
    // 11 days in 2025 at 10.15 %, 9 days in 2026 at 11.00 %
    // 1000 * (0.1015 * 11 + 0.11 * 9) / 365 = 3.0589 + 2.7123 = 5.77
    LateFee fee =
        calculator
            .compute(
                rule, Money.of("1000", "EUR"), LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 9))
            .orElseThrow();
    assertThat(fee.amount()).isEqualTo(Money.of("45.77", "EUR"));
  }

  @Test
  void nothingIsChargedOnAPaidInvoice() {
    assertThat(calculator.compute(statutory(), Money.of("0", "EUR"), day(1, 1), day(3, 1)))
        .isEmpty();
  }

  private static FeeRule statutory() {
    TreeMap<LocalDate, BigDecimal> rates = new TreeMap<>();
    rates.put(LocalDate.of(2025, 7, 1), new BigDecimal("2.15"));
    rates.put(LocalDate.of(2026, 1, 1), new BigDecimal("3.00"));
    return new FeeRule.Statutory(
        new BigDecimal("8"), rates, Map.of(Money.currency("EUR"), new BigDecimal("40")));
  }

  private static LocalDate day(int month, int day) {
    return LocalDate.of(2026, month, day);
  }
}
