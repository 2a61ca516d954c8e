package io.dunhub.core.model;

import java.util.List;
import java.util.Set;

/** Construction checks shared by the canonical records. */
final class Checks {
  private Checks() {}

  static String requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  static <T> T require(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  static <T> Set<T> copy(Set<T> values) {
    return values == null ? Set.of() : Set.copyOf(values);
  }

  static <T> List<T> copy(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  static void requireNotNegative(Money money, String field) {
    if (money.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative: " + money);
    }
  }
}
