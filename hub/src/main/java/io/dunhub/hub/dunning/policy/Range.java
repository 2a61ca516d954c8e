package io.dunhub.hub.dunning.policy;

import java.math.BigDecimal;

/** An inclusive range; either end may be open (null). */
public record Range(BigDecimal min, BigDecimal max) {

  public static final Range ANY = new Range(null, null);

  public boolean contains(BigDecimal value) {
    if (value == null) {
      return min == null && max == null;
    }
    return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
  }

  public boolean contains(long value) {
    return contains(BigDecimal.valueOf(value));
  }

  public boolean isAny() {
    return min == null && max == null;
  }

  @Override
  public String toString() {
    return "["
        + (min == null ? "" : min.toPlainString())
        + ".."
        + (max == null ? "" : max.toPlainString())
        + "]";
  }
}
