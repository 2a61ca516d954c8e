package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunhub.core.mapping.FieldType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Set;

/**
 * {@code date}: a calendar date. Reads {@code format} (default ISO {@code yyyy-MM-dd}); a host
 * value that carries a time and an offset ({@code 2024-03-31T23:30:00Z}) is converted to the date
 * it is in {@code zone} (default: the offset's own date).
 */
final class DateTransform implements Transform {
  private final DateTimeFormatter format;
  private final String pattern;
  private final ZoneId zone;

  DateTransform(String pattern, ZoneId zone) {
    this.pattern = pattern;
    this.format =
        pattern == null ? DateTimeFormatter.ISO_LOCAL_DATE : DateTimeFormatter.ofPattern(pattern);
    this.zone = zone;
  }

  @Override
  public String name() {
    return "date";
  }

  @Override
  public Set<FieldType> accepts() {
    return Set.of(FieldType.STRING, FieldType.DATE, FieldType.DATETIME, FieldType.ANY);
  }

  @Override
  public Object read(JsonNode[] values, RecordContext ctx) throws TransformFailure {
    String text = Transform.text(values[0]);
    if (text == null) {
      return null;
    }
    String t = text.trim();
    if (pattern == null && isIsoDate(t)) {
      try {
        return LocalDate.of(number(t, 0, 4), number(t, 5, 7), number(t, 8, 10));
      } catch (DateTimeException e) {
        throw new TransformFailure(text, "not a date (yyyy-MM-dd)");
      }
    }
    try {
      return LocalDate.parse(t, format);
    } catch (DateTimeException e) {
      // a date-time where a date was expected: take its date, in the zone if one is set
    }
    try {
      TemporalAccessor parsed = DateTimeTransform.LENIENT.parse(t);
      if (parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)) {
        java.time.OffsetDateTime odt = java.time.OffsetDateTime.from(parsed);
        return zone == null ? odt.toLocalDate() : odt.atZoneSameInstant(zone).toLocalDate();
      }
      return LocalDate.from(parsed);
    } catch (DateTimeException e) {
      throw new TransformFailure(
          text, "not a date" + (pattern == null ? " (yyyy-MM-dd)" : " in format " + pattern));
    }
  }

  /** {@code yyyy-MM-dd} exactly: parsed by hand, a formatter costs ten times as much. */
  private static boolean isIsoDate(String t) {
    if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (i != 4 && i != 7 && (t.charAt(i) < '0' || t.charAt(i) > '9')) {
        return false;
      }
    }
    return true;
  }

  private static int number(String t, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (t.charAt(i) - '0');
    }
    return n;
  }

  @Override
  public JsonNode write(Object value, RecordContext ctx) throws TransformFailure {
    if (value instanceof LocalDate d) {
      return JSON.textNode(format.format(d));
    }
    if (value instanceof java.time.Instant i) {
      return JSON.textNode(
          format.format(i.atZone(zone == null ? java.time.ZoneOffset.UTC : zone).toLocalDate()));
    }
    try {
      return JSON.textNode(format.format(LocalDate.parse(value.toString())));
    } catch (DateTimeException e) {
      throw new TransformFailure(value.toString(), "not a date");
    }
  }
}
