package io.dunhub.core.mapping.internal;

import io.dunhub.core.mapping.internal.CanonicalField.Kind;
import io.dunhub.core.model.Money;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns what a transform produced (text, a date, money, a list) into the canonical field's own type
 * (an enum constant, a {@code ZoneId}, a set), and back for writes. Also parses the literals a file
 * writes (defaults, map values, constants) so they are checked at load, not per record.
 */
final class Coercer {
  private final CanonicalField field;

  Coercer(CanonicalField field) {
    this.field = field;
  }

  Object toCanonical(Object value) throws TransformFailure {
    if (value == null) {
      return null;
    }
    switch (field.kind()) {
      case TEXT:
      case ATTRIBUTE:
        return value instanceof Collection<?> c ? String.join(";", strings(c)) : value.toString();
      case ENUM:
        return enumValue(value.toString());
      case ZONE:
        try {
          return value instanceof ZoneId z ? z : ZoneId.of(value.toString().trim());
        } catch (DateTimeException e) {
          throw new TransformFailure(value.toString(), "not a time zone id (like Europe/Paris)");
        }
      case LOCALE:
        {
          if (value instanceof Locale l) {
            return l;
          }
          Locale l = Locale.forLanguageTag(value.toString().trim().replace('_', '-'));
          if (l.getLanguage().isEmpty()) {
            throw new TransformFailure(value.toString(), "not a locale (like en-US)");
          }
          return l;
        }
      case TEXT_SET:
        {
          Set<String> out = new LinkedHashSet<>();
          if (value instanceof Collection<?> c) {
            out.addAll(strings(c));
          } else {
            out.add(value.toString());
          }
          return out;
        }
      case ENUM_SET:
        {
          Set<Object> out = new LinkedHashSet<>();
          if (value instanceof Collection<?> c) {
            for (Object o : c) {
              out.add(enumValue(o.toString()));
            }
          } else {
            out.add(enumValue(value.toString()));
          }
          return out;
        }
      case INSTANT:
        return value instanceof LocalDate d
            ? d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
            : value;
      default:
        return value;
    }
  }

  /** The value a transform writes, from a canonical value. */
  Object fromCanonical(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof ZoneId z) {
      return z.getId();
    }
    if (value instanceof Locale l) {
      return l.toLanguageTag();
    }
    if (value instanceof Collection<?> c) {
      return strings(c);
    }
    return value;
  }

  /**
   * Parses a literal written in a file for this field.
   *
   * @throws TransformFailure naming what the field expects
   */
  Object literal(String text) throws TransformFailure {
    if (text == null) {
      return null;
    }
    try {
      return switch (field.kind()) {
        case DATE -> LocalDate.parse(text.trim());
        case INSTANT -> Instant.parse(text.trim());
        case MONEY -> new BigDecimal(text.trim());
        case BOOLEAN -> bool(text);
        case APPLICATIONS ->
            throw new TransformFailure(text, "a list of applications has no literal");
        case TEXT_SET, ENUM_SET -> toCanonical(List.of(text.split(";")));
        default -> toCanonical(text);
      };
    } catch (DateTimeException | NumberFormatException e) {
      throw new TransformFailure(text, "not " + field.describe());
    }
  }

  private static Boolean bool(String text) throws TransformFailure {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new TransformFailure(text, "not true or false");
    };
  }

  private Object enumValue(String text) throws TransformFailure {
    String norm = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (Enum<?> e : field.enumType().getEnumConstants()) {
      if (e.name().equals(norm)) {
        return e;
      }
    }
    throw new TransformFailure(
        text, "not one of " + String.join(", ", field.enumNames()) + " (map it with a value map)");
  }

  private static List<String> strings(Collection<?> c) {
    return c.stream().map(o -> o instanceof Enum<?> e ? e.name() : o.toString()).toList();
  }

  static boolean isMoney(Object o) {
    return o instanceof Money;
  }

  Kind kind() {
    return field.kind();
  }
}
