package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunhub.core.mapping.FieldType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Set;

/**
 * {@code datetime}: an instant. A host value with an offset ({@code Z}, {@code +02:00}, or
 * Salesforce's {@code +0000}) is read as is; one without is read in {@code zone}. Across a
 * daylight-saving change a local time in the gap moves forward by the gap's length, and in the
 * overlap the earlier offset wins (what {@link ZonedDateTime#ofLocal} does). Writes ISO-8601 in
 * UTC, or in {@code zone} with its offset, or in {@code format}.
 */
final class DateTimeTransform implements Transform {

  /** ISO local date-time with an optional offset in any of the shapes hosts send. */
  static final DateTimeFormatter LENIENT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalEnd()
          .toFormatter();

  private final DateTimeFormatter format;
  private final String pattern;
  private final ZoneId zone;

  DateTimeTransform(String pattern, ZoneId zone) {
    this.pattern = pattern;
    this.format = pattern == null ? LENIENT : DateTimeFormatter.ofPattern(pattern);
    this.zone = zone;
  }

  /** Whether a pattern carries an offset or zone of its own. */
  static boolean patternHasZone(String pattern) {
    return pattern
        .chars()
        .anyMatch(c -> c == 'X' || c == 'x' || c == 'Z' || c == 'O' || c == 'V' || c == 'z');
  }

  @Override
  public String name() {
    return "datetime";
  }

  @Override
  public Set<FieldType> accepts() {
    return Set.of(FieldType.STRING, FieldType.DATETIME, FieldType.ANY);
  }

  @Override
  public Object read(JsonNode[] values, RecordContext ctx) throws TransformFailure {
    String text = Transform.text(values[0]);
    if (text == null) {
      return null;
    }
    TemporalAccessor t;
    try {
      t = format.parse(text.trim());
    } catch (DateTimeException e) {
      throw new TransformFailure(
          text,
          "not a date-time"
              + (pattern == null
                  ? " (ISO-8601, like 2024-03-31T09:30:00Z)"
                  : " in format " + pattern));
    }
    if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
      return OffsetDateTime.from(t).toInstant();
    }
    if (zone == null) {
      throw new TransformFailure(text, "has no offset and the rule names no zone");
    }
    LocalDateTime local =
        t.isSupported(ChronoField.HOUR_OF_DAY)
            ? LocalDateTime.from(t)
            : java.time.LocalDate.from(t).atStartOfDay();
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }

  @Override
  public JsonNode write(Object value, RecordContext ctx) throws TransformFailure {
    Instant at;
    try {
      at = value instanceof Instant i ? i : Instant.parse(value.toString());
    } catch (DateTimeException e) {
      throw new TransformFailure(value.toString(), "not a date-time");
    }
    if (pattern != null) {
      return JSON.textNode(format.format(at.atZone(zone == null ? ZoneOffset.UTC : zone)));
    }
    if (zone != null) {
      return JSON.textNode(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone)));
    }
    return JSON.textNode(DateTimeFormatter.ISO_INSTANT.format(at));
  }
}
