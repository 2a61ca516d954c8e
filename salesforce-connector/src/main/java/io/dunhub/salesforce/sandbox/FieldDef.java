package io.dunhub.salesforce.sandbox;

import java.util.List;

/**
 * One field of a sandbox object, with the properties {@code describeSObject} reports.
 *
 * @param type the SOAP field type: {@code id}, {@code string}, {@code textarea}, {@code double},
 *     {@code currency}, {@code int}, {@code date}, {@code datetime}, {@code boolean}, {@code
 *     reference}, {@code picklist}, {@code email}, {@code phone}, {@code url}, {@code base64}
 * @param referenceTo the objects a reference field points at (empty otherwise)
 * @param relationshipName the name of the relationship ({@code Account} for {@code AccountId})
 */
public record FieldDef(
    String name,
    String label,
    String type,
    int length,
    boolean externalId,
    boolean unique,
    boolean nillable,
    boolean createable,
    boolean updateable,
    List<String> referenceTo,
    String relationshipName,
    boolean custom) {

  public FieldDef {
    referenceTo = List.copyOf(referenceTo);
  }

  /** A plain writable field. */
  public static FieldDef of(String name, String type) {
    return new FieldDef(
        name,
        label(name),
        type,
        defaultLength(type),
        false,
        false,
        true,
        true,
        true,
        List.of(),
        null,
        name.endsWith("__c"));
  }

  /** A field the org maintains (Id, SystemModstamp, ...). */
  public static FieldDef system(String name, String type) {
    return new FieldDef(
        name,
        label(name),
        type,
        defaultLength(type),
        false,
        false,
        !name.equals("Id") && !name.equals("IsDeleted"),
        false,
        false,
        List.of(),
        null,
        false);
  }

  /** A lookup to {@code target}. */
  public static FieldDef reference(String name, String target, String relationshipName) {
    return new FieldDef(
        name,
        label(name),
        "reference",
        18,
        false,
        false,
        true,
        true,
        true,
        List.of(target),
        relationshipName,
        name.endsWith("__c"));
  }

  /** A unique external-id text field, the key of idempotent upserts. */
  public static FieldDef externalId(String name) {
    return new FieldDef(
        name, label(name), "string", 255, true, true, true, true, true, List.of(), null, true);
  }

  boolean isText() {
    return switch (type) {
      case "string", "textarea", "picklist", "email", "phone", "url", "id", "reference" -> true;
      default -> false;
    };
  }

  private static int defaultLength(String type) {
    return switch (type) {
      case "id", "reference" -> 18;
      case "string", "picklist", "email", "phone", "url" -> 255;
      case "textarea" -> 32000;
      default -> 0;
    };
  }

  private static String label(String name) {
    String base = name.endsWith("__c") ? name.substring(0, name.length() - 3) : name;
    int ns = base.indexOf("__");
    if (ns >= 0) {
      base = base.substring(ns + 2);
    }
    return base.replace('_', ' ');
  }
}
