package io.dunhub.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency. Never a {@code double}. The scale is widened to the
 * currency's minor unit (10 USD becomes 10.00 USD); a finer scale a host sends is kept, never
 * rounded silently. Equal amounts are equal whatever their scale (10.000 USD equals 10.00 USD).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  public Money {
    Objects.requireNonNull(amount, "amount is required");
    Objects.requireNonNull(currency, "currency is required");
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    if (amount.scale() < digits) {
      amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    }
  }

  /**
   * Parses a plain decimal amount ({@code "1250.50"}).
   *
   * @throws IllegalArgumentException naming the value when it is not a number
   */
  public static Money of(String amount, String currencyCode) {
    if (amount == null || amount.isBlank()) {
      throw new IllegalArgumentException("amount is required");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an amount: '" + amount + "'");
    }
    return new Money(value, currency(currencyCode));
  }

  public static Money of(BigDecimal amount, String currencyCode) {
    return new Money(amount, currency(currencyCode));
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /** Parses an ISO 4217 code, with an error that names the bad value. */
  public static Currency currency(String code) {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("currency is required");
    }
    try {
      return Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown currency code '" + code + "'");
    }
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot combine "
              + currency.getCurrencyCode()
              + " with "
              + other.currency.getCurrencyCode());
    }
  }

  /** Same currency and numerically equal amount, whatever the scale. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Money other
        && currency.equals(other.currency)
        && amount.compareTo(other.amount) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * currency.hashCode() + amount.stripTrailingZeros().hashCode();
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
