package io.dunhub.core.mapping.internal;

import java.util.function.Function;

/**
 * One field of a canonical record a rule can fill or read.
 *
 * @param slot its index in the values a record is built from
 * @param enumType for {@link Kind#ENUM} and {@link Kind#ENUM_SET}, the enum; otherwise null
 * @param required whether an inbound mapping must fill it
 * @param getter reads it from a canonical record (outbound)
 */
record CanonicalField(
    String name,
    Kind kind,
    Class<? extends Enum<?>> enumType,
    boolean required,
    int slot,
    Function<Object, Object> getter) {

  /** What kind of value a canonical field holds. */
  enum Kind {
    TEXT,
    DATE,
    INSTANT,
    MONEY,
    BOOLEAN,
    ENUM,
    ZONE,
    LOCALE,
    TEXT_SET,
    ENUM_SET,
    APPLICATIONS,
    /** One entry of the record's {@code attributes} map ({@code attributes.dunningSegment}). */
    ATTRIBUTE
  }

  String describe() {
    return switch (kind) {
      case TEXT, ATTRIBUTE -> "text";
      case DATE -> "a date";
      case INSTANT -> "a date-time";
      case MONEY -> "money";
      case BOOLEAN -> "true/false";
      case ENUM -> "one of " + enumNames();
      case ZONE -> "a time zone";
      case LOCALE -> "a locale";
      case TEXT_SET -> "a list of texts";
      case ENUM_SET -> "a list of " + enumNames();
      case APPLICATIONS -> "a list of invoice applications";
    };
  }

  java.util.List<String> enumNames() {
    return java.util.Arrays.stream(enumType.getEnumConstants()).map(Enum::name).toList();
  }
}
