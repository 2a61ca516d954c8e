package io.dunhub.salesforce;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The live shape of one Salesforce object ({@code describeSObject}), for the mapping engine to
 * check a mapping's host field names and types against the org before a sync.
 *
 * @param name the API name ({@code Account}, {@code blng__Invoice__c})
 * @param fields every field the integration user can see, in the org's order
 */
public record ObjectDescription(
    String name, String label, boolean custom, boolean createable, List<Field> fields) {

  public ObjectDescription {
    fields = List.copyOf(fields);
  }

  /**
   * One field.
   *
   * @param type the SOAP field type: {@code id}, {@code string}, {@code textarea}, {@code
   *     picklist}, {@code reference}, {@code boolean}, {@code double}, {@code currency}, {@code
   *     int}, {@code percent}, {@code date}, {@code datetime}, {@code email}, {@code phone}, {@code
   *     url}, {@code base64}, ...
   * @param referenceTo the objects a reference points at (empty for other types)
   * @param relationshipName the name to use in SOQL paths ({@code Account} for {@code AccountId})
   */
  public record Field(
      String name,
      String label,
      String type,
      int length,
      boolean nillable,
      boolean createable,
      boolean updateable,
      boolean externalId,
      boolean unique,
      List<String> referenceTo,
      String relationshipName) {
    public Field {
      referenceTo = List.copyOf(referenceTo);
    }
  }

  /** A field by API name, case-insensitively as Salesforce matches names. */
  public Optional<Field> field(String fieldName) {
    String wanted = fieldName.toLowerCase(Locale.ROOT);
    return fields.stream()
        .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /** The API names of every field. */
  public List<String> fieldNames() {
    return fields.stream().map(Field::name).toList();
  }
}
