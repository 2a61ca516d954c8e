package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dunhub.core.mapping.FieldType;
import java.util.Set;

/**
 * One compiled transform of a rule: host value(s) to a canonical value and back. Built once from
 * the file; holds its parsed settings (formatters, maps, scales), so mapping a record does no
 * parsing of its own.
 */
interface Transform {

  JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Host field types that can be read with no loss. */
  Set<FieldType> SCALARS =
      Set.of(
          FieldType.STRING,
          FieldType.ID,
          FieldType.BOOLEAN,
          FieldType.INTEGER,
          FieldType.DECIMAL,
          FieldType.DATE,
          FieldType.DATETIME,
          FieldType.PICKLIST,
          FieldType.REFERENCE,
          FieldType.ANY);

  /** The transform's registry name. */
  String name();

  /** How many host paths it reads: 1, 0 (constant), or -1 for one or more (concat). */
  default int hostPaths() {
    return 1;
  }

  /** The host field types it reads and writes. */
  default Set<FieldType> accepts() {
    return SCALARS;
  }

  /**
   * Converts the host value(s) to the canonical value.
   *
   * @param values one per host path; an element is null when the host has no value there
   * @return the canonical value, or null when there is none (the rule's default applies)
   */
  Object read(JsonNode[] values, RecordContext ctx) throws TransformFailure;

  /** Whether {@link #write} is supported (a concat cannot be split back). */
  default boolean writable() {
    return true;
  }

  /**
   * Converts a canonical value to the host value.
   *
   * @throws TransformFailure when it cannot be represented
   */
  JsonNode write(Object value, RecordContext ctx) throws TransformFailure;

  /** Text of a host value; null for a missing value or a blank string. */
  static String text(JsonNode node) throws TransformFailure {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isContainerNode()) {
      throw new TransformFailure(
          node.toString(),
          "expected a single value but the host sent " + (node.isArray() ? "a list" : "an object"));
    }
    String t = node.isNumber() ? node.decimalValue().toPlainString() : node.asText();
    return t.isBlank() ? null : t;
  }
}
