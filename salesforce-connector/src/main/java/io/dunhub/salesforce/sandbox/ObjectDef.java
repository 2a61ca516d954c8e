package io.dunhub.salesforce.sandbox;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One sandbox object type (standard or custom) with its fields. Mutable only by deploys. */
public final class ObjectDef {
  private final String name;
  private final String label;
  private final String keyPrefix;
  private final boolean custom;
  private final Map<String, FieldDef> fields = new LinkedHashMap<>();
  private String autoNumberFormat;
  private long autoNumber;

  public ObjectDef(String name, String label, String keyPrefix, boolean custom) {
    this.name = name;
    this.label = label;
    this.keyPrefix = keyPrefix;
    this.custom = custom;
    add(FieldDef.system("Id", "id"));
    add(FieldDef.system("IsDeleted", "boolean"));
    add(FieldDef.system("CreatedDate", "datetime"));
    add(FieldDef.system("LastModifiedDate", "datetime"));
    add(FieldDef.system("SystemModstamp", "datetime"));
  }

  public ObjectDef add(FieldDef field) {
    fields.put(field.name().toLowerCase(java.util.Locale.ROOT), field);
    return this;
  }

  /** Makes Name an auto-number such as {@code DN-{000000}}. */
  public ObjectDef autoNumber(String displayFormat) {
    this.autoNumberFormat = displayFormat;
    return this;
  }

  /** The next auto-number Name, or null when Name is not an auto-number. */
  synchronized String nextAutoNumber() {
    if (autoNumberFormat == null) {
      return null;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\{(0+)\\}").matcher(autoNumberFormat);
    String number = Long.toString(++autoNumber);
    if (!m.find()) {
      return autoNumberFormat + number;
    }
    String digits = m.group(1);
    String padded = "0".repeat(Math.max(0, digits.length() - number.length())) + number;
    return autoNumberFormat.substring(0, m.start()) + padded + autoNumberFormat.substring(m.end());
  }

  public String name() {
    return name;
  }

  public String label() {
    return label;
  }

  public String keyPrefix() {
    return keyPrefix;
  }

  public boolean custom() {
    return custom;
  }

  /** A field by name, case-insensitively like Salesforce. */
  public Optional<FieldDef> field(String fieldName) {
    return Optional.ofNullable(fields.get(fieldName.toLowerCase(java.util.Locale.ROOT)));
  }

  /** The field whose relationship name is {@code relationship} ({@code Account} → AccountId). */
  public Optional<FieldDef> relationship(String relationship) {
    return fields.values().stream()
        .filter(f -> relationship.equalsIgnoreCase(f.relationshipName()))
        .findFirst();
  }

  public Collection<FieldDef> fields() {
    return fields.values();
  }
}
