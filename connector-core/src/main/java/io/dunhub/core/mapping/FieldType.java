package io.dunhub.core.mapping;

import java.util.Locale;
import java.util.Optional;

/** The type of a host field, as far as a mapping cares. */
public enum FieldType {
  STRING,
  ID,
  BOOLEAN,
  INTEGER,
  DECIMAL,
  DATE,
  DATETIME,
  PICKLIST,
  REFERENCE,
  /** A nested object ({@code CustomerRef}, {@code BillEmail}, a NetSuite {@code {id, refName}}). */
  OBJECT,
  /** A list or sublist ({@code Line}, NetSuite {@code apply.items}). */
  ARRAY,
  /** Anything; not checked. */
  ANY;

  /**
   * The type for a host's own type name: Salesforce describe types ({@code textarea}, {@code
   * currency}, {@code multipicklist}, ...), QuickBooks and NetSuite type names, or our own names.
   */
  public static Optional<FieldType> fromHostName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "string", "text", "textarea", "email", "phone", "url", "encryptedstring", "combobox":
        return Optional.of(STRING);
      case "id":
        return Optional.of(ID);
      case "boolean", "checkbox":
        return Optional.of(BOOLEAN);
      case "int", "integer", "long":
        return Optional.of(INTEGER);
      case "double", "decimal", "currency", "percent", "number", "float":
        return Optional.of(DECIMAL);
      case "date":
        return Optional.of(DATE);
      case "datetime", "date-time", "timestamp":
        return Optional.of(DATETIME);
      case "picklist", "multipicklist", "enum", "select":
        return Optional.of(PICKLIST);
      case "reference", "ref":
        return Optional.of(REFERENCE);
      case "object", "address", "location":
        return Optional.of(OBJECT);
      case "array", "list", "sublist", "collection":
        return Optional.of(ARRAY);
      case "any", "anytype":
        return Optional.of(ANY);
      default:
        return Optional.empty();
    }
  }
}
