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
    try {
      return LocalDate.parse(text.trim(), format);
    } catch (DateTimeException e) {
      // a date-time where a date was expected: take its date, in the zone if one is set
    }
    try {
      TemporalAccessor t = DateTimeTransform.LENIENT.parse(text.trim());
      if (t.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)) {
        java.time.OffsetDateTime odt = java.time.OffsetDateTime.from(t);
        return zone == null ? odt.toLocalDate() : odt.atZoneSameInstant(zone).toLocalDate();
      }
      return LocalDate.from(t);
    } catch (DateTimeException e) {
      throw new TransformFailure(
          text, "not a date" + (pattern == null ? " (yyyy-MM-dd)" : " in format " + pattern));
    }
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
