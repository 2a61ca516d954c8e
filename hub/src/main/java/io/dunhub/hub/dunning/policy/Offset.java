package io.dunhub.hub.dunning.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a step sits relative to the invoice's due date: {@code due-7d}, {@code due}, {@code
 * due+14d}. Days are calendar or business days, as the policy says.
 */
public record Offset(int days) implements Comparable<Offset> {

  private static final Pattern FORMAT = Pattern.compile("due(?:([+-])(\\d{1,4})d)?");

  /** Parses {@code due}, {@code due+Nd} or {@code due-Nd}. */
  public static Offset parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a step offset; write due, due+3d or due-7d");
    }
    if (m.group(1) == null) {
      return new Offset(0);
    }
    int n = Integer.parseInt(m.group(2));
    return new Offset("-".equals(m.group(1)) ? -n : n);
  }

  @Override
  public int compareTo(Offset other) {
    return Integer.compare(days, other.days);
  }

  @Override
  public String toString() {
    return days == 0 ? "due" : days > 0 ? "due+" + days + "d" : "due" + days + "d";
  }
}
