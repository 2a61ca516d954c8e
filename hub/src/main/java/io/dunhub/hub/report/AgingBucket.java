package io.dunhub.hub.report;

/** How far past its due date an open balance is, at the end of the report day. */
public enum AgingBucket {
  CURRENT("current", Long.MIN_VALUE, 0),
  DAYS_1_30("1-30", 1, 30),
  DAYS_31_60("31-60", 31, 60),
  DAYS_61_90("61-90", 61, 90),
  OVER_90("90+", 91, Long.MAX_VALUE);

  private final String label;
  private final long from;
  private final long to;

  AgingBucket(String label, long from, long to) {
    this.label = label;
    this.from = from;
    this.to = to;
  }

  /** The label used in reports and the API: {@code current}, {@code 1-30}, ... {@code 90+}. */
  public String label() {
    return label;
  }

  /** The bucket of a balance this many days past due (zero or less: not yet due). */
  public static AgingBucket of(long daysPastDue) {
    for (AgingBucket b : values()) {
      if (daysPastDue >= b.from && daysPastDue <= b.to) {
        return b;
      }
    }
    throw new IllegalStateException("no bucket for " + daysPastDue);
  }
}
