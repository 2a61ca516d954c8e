package io.dunhub.netsuite.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * SuiteQL's {@code yyyy-MM-dd HH:mm:ss} timestamps (the integration user's zone) as instants and as
 * ISO text. Rows come ordered by their timestamp and many share a second, so the last one is
 * remembered: a page of 1,000 rows parses a handful of timestamps instead of 1,000. Not
 * thread-safe: one per read.
 */
final class LocalTimestamps {

  private final ZoneId zone;
  private String lastText;
  private Instant lastInstant;
  private String lastIso;

  LocalTimestamps(ZoneId zone) {
    this.zone = zone;
  }

  Instant instant(String text) {
    if (!text.equals(lastText)) {
      lastInstant = parse(text).atZone(zone).toInstant();
      lastIso = DateTimeFormatter.ISO_INSTANT.format(lastInstant);
      lastText = text;
    }
    return lastInstant;
  }

  /** The ISO instant of the text last given to {@link #instant}. */
  String iso() {
    return lastIso;
  }

  private static LocalDateTime parse(String t) {
    if (t.length() != 19 || t.charAt(4) != '-' || t.charAt(10) != ' ' || t.charAt(13) != ':') {
      throw new java.time.format.DateTimeParseException("not yyyy-MM-dd HH:mm:ss", t, 0);
    }
    return LocalDateTime.of(
        Integer.parseInt(t, 0, 4, 10),
        Integer.parseInt(t, 5, 7, 10),
        Integer.parseInt(t, 8, 10, 10),
        Integer.parseInt(t, 11, 13, 10),
        Integer.parseInt(t, 14, 16, 10),
        Integer.parseInt(t, 17, 19, 10));
  }
}
