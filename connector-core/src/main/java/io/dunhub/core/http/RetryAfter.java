package io.dunhub.core.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Response;

/** Reads a {@code Retry-After} header: delay seconds or an HTTP-date (RFC 9110 §10.2.3). */
public final class RetryAfter {

  /** The longest wait honoured; a host asking for more gets this (the budget decides). */
  static final Duration MAX = Duration.ofHours(1);

  private RetryAfter() {}

  /** The wait the response asks for, if it says one. */
  public static Optional<Duration> of(Response response, Clock clock) {
    return parse(response.header("Retry-After"), clock);
  }

  /** Parses a header value; empty when absent or unreadable. A date in the past is zero. */
  public static Optional<Duration> parse(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    Duration wait;
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        wait = Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException e) {
        wait = MAX;
      }
    } else {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        wait = Duration.between(clock.instant(), at);
        if (wait.isNegative()) {
          wait = Duration.ZERO;
        }
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.of(wait.compareTo(MAX) > 0 ? MAX : wait);
  }
}
