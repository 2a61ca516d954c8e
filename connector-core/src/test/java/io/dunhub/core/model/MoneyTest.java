package io.dunhub.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void scaleIsWidenedToTheCurrencysMinorUnit() {
    assertThat(Money.of("10", "USD").amount()).isEqualByComparingTo("10.00");
    assertThat(Money.of("10", "USD").amount().scale()).isEqualTo(2);
    assertThat(Money.of("10", "JPY").amount().scale()).isZero();
    assertThat(Money.of("10", "BHD").amount().scale())
        .as("dinars have three decimals")
        .isEqualTo(3);
    assertThat(Money.of("10", "USD")).hasToString("10.00 USD");
  }

  @Test
  void aFinerScaleFromAHostIsKeptNotRounded() {
    Money m = Money.of("12.345", "USD");
    assertThat(m.amount()).isEqualTo(new BigDecimal("12.345"));
    assertThat(m).hasToString("12.345 USD");
    assertThat(Money.of("1E+3", "EUR")).hasToString("1000.00 EUR");
  }

  @Test
  void equalAmountsAreEqualWhateverTheirScale() {
    Money a = Money.of("10.000", "USD");
    Money b = Money.of("10", "USD");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.compareTo(b)).isZero();
    assertThat(Money.of("10", "USD")).isNotEqualTo(Money.of("10", "CAD"));
    assertThat(Money.of("10.01", "USD")).isNotEqualTo(Money.of("10", "USD"));
  }

  @Test
  void currencyIsRequiredAndMustBeAnIsoCode() {
    assertThatThrownBy(() -> Money.of("1", null)).hasMessage("currency is required");
    assertThatThrownBy(() -> Money.of("1", " ")).hasMessage("currency is required");
    assertThatThrownBy(() -> Money.of("1", "DOLLARS"))
        .hasMessage("unknown currency code 'DOLLARS'");
    assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).hasMessageContaining("currency");
    assertThat(Money.of("1", " usd ").currency()).isEqualTo(Currency.getInstance("USD"));
  }

  @Test
  void anAmountThatIsNotANumberIsNamed() {
    assertThatThrownBy(() -> Money.of("12,50", "EUR"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an amount: '12,50'");
    assertThatThrownBy(() -> Money.of("", "EUR")).hasMessage("amount is required");
  }

  @Test
  void arithmeticAndComparisonStayInOneCurrency() {
    Money a = Money.of("100.10", "USD");
    assertThat(a.plus(Money.of("0.90", "USD"))).isEqualTo(Money.of("101", "USD"));
    assertThat(a.minus(Money.of("100.10", "USD")).isZero()).isTrue();
    assertThat(Money.of("5", "USD").minus(a).isNegative()).isTrue();
    assertThat(a.max(Money.of("200", "USD"))).isEqualTo(Money.of("200", "USD"));
    assertThatThrownBy(() -> a.plus(Money.of("1", "EUR")))
        .hasMessage("cannot combine USD with EUR");
    assertThatThrownBy(() -> a.compareTo(Money.of("1", "EUR")))
        .hasMessage("cannot combine USD with EUR");
  }
}
