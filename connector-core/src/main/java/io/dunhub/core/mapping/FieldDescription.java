package io.dunhub.core.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One field of a host object, as its host describes it.
 *
 * @param referenceTo for a {@link FieldType#REFERENCE}, the object it points to (Salesforce {@code
 *     AccountId} → {@code Account}); may be null
 * @param relationshipName the name under which the referenced record's fields are reached
 *     (Salesforce {@code Account} for {@code AccountId}, {@code blng__Account__r}); may be null
 * @param fields for an {@link FieldType#OBJECT}, its fields; for an {@link FieldType#ARRAY}, the
 *     fields of each element; empty otherwise
 */
public record FieldDescription(
    String name,
    FieldType type,
    String referenceTo,
    String relationshipName,
    Map<String, FieldDescription> fields) {

  public FieldDescription {
    fields =
        fields == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public static FieldDescription of(String name, FieldType type) {
    return new FieldDescription(name, type, null, null, Map.of());
  }
}
