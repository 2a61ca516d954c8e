package io.dunhub.salesforce.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of one fake org: its schema (standard objects plus whatever installs deployed), its
 * records with {@code SystemModstamp} and {@code IsDeleted}, and its users. Every method is
 * synchronized; the SOAP front end calls it from WireMock's threads.
 *
 * <p>Records are maps of field name to the value as Salesforce puts it on the wire (text).
 */
public final class SandboxOrg {
  static final DateTimeFormatter WIRE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private final Clock clock;
  private final String orgId;
  private final Map<String, ObjectDef> schema = new LinkedHashMap<>();
  private final Map<String, Map<String, Map<String, String>>> data = new ConcurrentHashMap<>();

  /** "object.field" (lower case) → value (lower case) → ids, for unique and external-id fields. */
  private final Map<String, Map<String, java.util.Set<String>>> keyIndex =
      new java.util.HashMap<>();

  private final Map<String, String> usersByName = new LinkedHashMap<>();
  private long sequence = 1;
  private final String defaultUserId;

  public SandboxOrg(Clock clock) {
    this.clock = clock;
    this.orgId = SalesforceIds.id("00D", "5g", 4_242);
    StandardObjects.register(this);
    this.defaultUserId = addUser("integration@dunhub-demo.example", "Dunhub Integration");
  }

  public Clock clock() {
    return clock;
  }

  public String orgId() {
    return orgId;
  }

  public synchronized String defaultUserId() {
    return defaultUserId;
  }

  /** Adds an active user and returns its id. */
  public synchronized String addUser(String username, String name) {
    String[] parts = name.split(" ", 2);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Username", username);
    fields.put("FirstName", parts[0]);
    fields.put("LastName", parts.length > 1 ? parts[1] : parts[0]);
    fields.put("Name", name);
    fields.put("Email", username);
    fields.put("IsActive", "true");
    String id = insert("User", fields, defaultUserId == null ? null : defaultUserId);
    usersByName.put(username.toLowerCase(Locale.ROOT), id);
    return id;
  }

  public synchronized Optional<String> userId(String username) {
    return Optional.ofNullable(usersByName.get(username.toLowerCase(Locale.ROOT)));
  }

  // ---------------------------------------------------------------- schema

  public synchronized void define(ObjectDef object) {
    schema.put(object.name().toLowerCase(Locale.ROOT), object);
    data.computeIfAbsent(object.name().toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>());
  }

  /**
   * Adds (or redefines) a field as a deploy does: a new checkbox reads {@code false} on the records
   * already there, as in Salesforce, where a checkbox is never null.
   */
  public synchronized void addField(ObjectDef object, FieldDef field) {
    boolean isNew = object.field(field.name()).isEmpty();
    object.add(field);
    if (isNew && field.type().equals("boolean") && object(object.name()).isPresent()) {
      for (Map<String, String> row : table(object).values()) {
        row.putIfAbsent(field.name(), "false");
      }
    }
  }

  public synchronized Optional<ObjectDef> object(String name) {
    return Optional.ofNullable(schema.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The object or an {@code INVALID_TYPE} fault, as Salesforce answers for an unknown object. */
  synchronized ObjectDef requireObject(String name) {
    return object(name)
        .orElseThrow(
            () ->
                SandboxException.fault(
                    "sf:InvalidSObjectFault",
                    "INVALID_TYPE",
                    "sObject type '"
                        + name
                        + "' is not supported. If you are attempting to use a custom object, be"
                        + " sure to append the '__c' after the entity name."));
  }

  synchronized Optional<ObjectDef> objectOfId(String id) {
    if (id == null || id.length() < 3) {
      return Optional.empty();
    }
    String prefix = id.substring(0, 3);
    return schema.values().stream().filter(o -> o.keyPrefix().equals(prefix)).findFirst();
  }

  synchronized String nextKeyPrefix() {
    int n = 0;
    String prefix;
    do {
      prefix = "a0" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(n++);
      String p = prefix;
      if (schema.values().stream().noneMatch(o -> o.keyPrefix().equals(p))) {
        return prefix;
      }
    } while (true);
  }

  // ---------------------------------------------------------------- records

  /** Creates a record as {@code ownerId} (null: the default user) and returns its id. */
  public synchronized String insert(String objectName, Map<String, String> values, String ownerId) {
    ObjectDef object = requireObject(objectName);
    Map<String, String> row = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      FieldDef field = writableField(object, e.getKey(), true);
      row.put(field.name(), normalize(field, e.getValue()));
    }
    for (FieldDef f : object.fields()) {
      if (f.type().equals("boolean") && f.createable() && !row.containsKey(f.name())) {
        row.put(f.name(), "false");
      }
    }
    checkRequired(object, row);
    checkUnique(object, row, null);
    checkReferences(object, row);
    String id = SalesforceIds.id(object.keyPrefix(), "5g", sequence++);
    String now = now();
    Map<String, String> record = new LinkedHashMap<>();
    record.put("Id", id);
    record.put("IsDeleted", "false");
    record.put("CreatedDate", now);
    record.put("LastModifiedDate", now);
    record.put("SystemModstamp", now);
    if (object.field("OwnerId").isPresent() && !row.containsKey("OwnerId")) {
      record.put("OwnerId", ownerId != null ? ownerId : defaultUserId);
    }
    record.putAll(row);
    String autoName = object.nextAutoNumber();
    if (autoName != null) {
      record.put("Name", autoName);
    }
    derive(object, record);
    table(object).put(id, record);
    index(object, null, record);
    return id;
  }

  /** Updates a record; {@code fieldsToNull} are cleared. */
  public synchronized void update(
      String objectName, String id, Map<String, String> values, List<String> fieldsToNull) {
    ObjectDef object = requireObject(objectName);
    Map<String, String> record = table(object).get(canonicalId(object, id));
    if (record == null) {
      throw SandboxException.record("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
    }
    if ("true".equals(record.get("IsDeleted"))) {
      throw SandboxException.record("ENTITY_IS_DELETED", "entity is deleted");
    }
    Map<String, String> changed = new LinkedHashMap<>(record);
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getKey().equalsIgnoreCase("Id")) {
        continue;
      }
      FieldDef field = writableField(object, e.getKey(), false);
      changed.put(field.name(), normalize(field, e.getValue()));
    }
    for (String name : fieldsToNull) {
      FieldDef field = writableField(object, name, false);
      if (!field.nillable()) {
        throw SandboxException.record(
            "REQUIRED_FIELD_MISSING", "Required fields are missing: [" + field.name() + "]");
      }
      changed.remove(field.name());
    }
    checkRequired(object, changed);
    checkUnique(object, changed, record.get("Id"));
    checkReferences(object, changed);
    String now = now();
    changed.put("LastModifiedDate", now);
    changed.put("SystemModstamp", now);
    derive(object, changed);
    index(object, record, changed);
    record.clear();
    record.putAll(changed);
  }

  /**
   * Inserts or updates by an external-id field.
   *
   * @return the id and whether the record was created
   */
  public synchronized UpsertOutcome upsert(
      String objectName, String externalIdField, Map<String, String> values) {
    ObjectDef object = requireObject(objectName);
    FieldDef key =
        object
            .field(externalIdField)
            .filter(f -> f.externalId() || f.name().equals("Id"))
            .orElseThrow(
                () ->
                    SandboxException.fault(
                        "sf:InvalidFieldFault",
                        "INVALID_FIELD",
                        "Field name provided, "
                            + externalIdField
                            + " is not an External ID or indexed field for "
                            + object.name()));
    String keyValue = null;
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key.name())) {
        keyValue = e.getValue();
      }
    }
    if (keyValue == null || keyValue.isEmpty()) {
      throw SandboxException.record("MISSING_ARGUMENT", key.name() + " not specified", key.name());
    }
    List<Map<String, String>> matches = new ArrayList<>();
    if (key.name().equals("Id")) {
      Map<String, String> r = table(object).get(canonicalId(object, keyValue));
      if (r != null && !"true".equals(r.get("IsDeleted"))) {
        matches.add(r);
      }
    } else {
      for (String id : lookup(object, key, keyValue)) {
        matches.add(table(object).get(id));
      }
    }
    if (matches.size() > 1) {
      throw SandboxException.record(
          "DUPLICATE_EXTERNAL_ID",
          key.name() + ": more than one record found for external id field: " + matches);
    }
    if (matches.isEmpty()) {
      return new UpsertOutcome(insert(objectName, values, null), true);
    }
    String id = matches.get(0).get("Id");
    update(objectName, id, values, List.of());
    return new UpsertOutcome(id, false);
  }

  /** The id of an upserted record and whether it was new. */
  public record UpsertOutcome(String id, boolean created) {}

  /** Moves a record to the recycle bin: {@code IsDeleted} true and a new modstamp. */
  public synchronized void delete(String id) {
    ObjectDef object =
        objectOfId(id)
            .orElseThrow(
                () -> SandboxException.record("INVALID_CROSS_REFERENCE_KEY", "invalid id: " + id));
    Map<String, String> record = table(object).get(canonicalId(object, id));
    if (record == null) {
      throw SandboxException.record("INVALID_CROSS_REFERENCE_KEY", "invalid id: " + id);
    }
    if ("true".equals(record.get("IsDeleted"))) {
      throw SandboxException.record("ENTITY_IS_DELETED", "entity is deleted");
    }
    Map<String, String> deleted = new LinkedHashMap<>(record);
    deleted.put("IsDeleted", "true");
    index(object, record, deleted);
    record.put("IsDeleted", "true");
    record.put("SystemModstamp", now());
  }

  /** A copy of a record, including deleted ones. */
  public synchronized Optional<Map<String, String>> get(String objectName, String id) {
    ObjectDef object = requireObject(objectName);
    Map<String, String> r = table(object).get(canonicalId(object, id));
    return r == null ? Optional.empty() : Optional.of(new LinkedHashMap<>(r));
  }

  /** Copies of every live record of an object, in creation order. */
  public synchronized List<Map<String, String>> records(String objectName) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Map<String, String> r : table(requireObject(objectName)).values()) {
      if (!"true".equals(r.get("IsDeleted"))) {
        out.add(new LinkedHashMap<>(r));
      }
    }
    return out;
  }

  synchronized List<Map<String, String>> rows(ObjectDef object) {
    return new ArrayList<>(table(object).values());
  }

  synchronized Map<String, String> row(String id) {
    return objectOfId(id).map(o -> table(o).get(canonicalId(o, id))).orElse(null);
  }

  private Map<String, Map<String, String>> table(ObjectDef object) {
    return data.computeIfAbsent(object.name().toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>());
  }

  private static String canonicalId(ObjectDef object, String id) {
    if (id == null) {
      return null;
    }
    if (id.length() == 15) {
      return id + SalesforceIds.checksum(id);
    }
    return id;
  }

  String now() {
    return WIRE_TIME.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }

  private FieldDef writableField(ObjectDef object, String name, boolean creating) {
    FieldDef field =
        object
            .field(name)
            .orElseThrow(
                () ->
                    SandboxException.fault(
                        "sf:InvalidFieldFault",
                        "INVALID_FIELD",
                        "No such column '" + name + "' on entity '" + object.name() + "'."));
    if (creating ? !field.createable() : !field.updateable()) {
      throw SandboxException.record(
          "INVALID_FIELD_FOR_INSERT_UPDATE",
          "Unable to create/update fields: " + field.name() + ".",
          field.name());
    }
    return field;
  }

  private static String normalize(FieldDef field, String value) {
    if (value == null) {
      return null;
    }
    try {
      switch (field.type()) {
        case "boolean" -> {
          if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException();
          }
          return value.toLowerCase(Locale.ROOT);
        }
        case "date" -> {
          return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value).toString();
        }
        case "datetime" -> {
          return WIRE_TIME.format(parseInstant(value));
        }
        case "double", "currency", "int", "percent" -> {
          return new BigDecimal(value).toPlainString();
        }
        default -> {
          if (field.length() > 0 && value.length() > field.length() && field.isText()) {
            throw SandboxException.record(
                "STRING_TOO_LONG",
                field.label() + ": data value too large: " + value.substring(0, 20) + "...",
                field.name());
          }
          return value;
        }
      }
    } catch (SandboxException e) {
      throw e;
    } catch (RuntimeException e) {
      throw SandboxException.record(
          "INVALID_TYPE_ON_FIELD_IN_RECORD",
          field.label() + ": value not of required type: " + value,
          field.name());
    }
  }

  static Instant parseInstant(String value) {
    try {
      return Instant.parse(value);
    } catch (RuntimeException e) {
      return OffsetDateTime.parse(value).toInstant();
    }
  }

  private static void checkRequired(ObjectDef object, Map<String, String> row) {
    for (FieldDef f : object.fields()) {
      if (!f.nillable() && f.createable() && row.get(f.name()) == null) {
        throw SandboxException.record(
            "REQUIRED_FIELD_MISSING", "Required fields are missing: [" + f.name() + "]", f.name());
      }
    }
  }

  private void checkUnique(ObjectDef object, Map<String, String> row, String selfId) {
    for (FieldDef f : object.fields()) {
      String v = row.get(f.name());
      if (!f.unique() || v == null) {
        continue;
      }
      for (String other : lookup(object, f, v)) {
        if (!other.equals(selfId)) {
          throw SandboxException.record(
              "DUPLICATE_VALUE",
              "duplicate value found: "
                  + f.name()
                  + " duplicates value on record with id: "
                  + other,
              f.name());
        }
      }
    }
  }

  /** Live records whose key field has this value (case-insensitively). */
  private java.util.Set<String> lookup(ObjectDef object, FieldDef field, String value) {
    Map<String, java.util.Set<String>> byValue = keyIndex.get(lowerKey(object, field));
    java.util.Set<String> ids =
        byValue == null ? null : byValue.get(value.toLowerCase(Locale.ROOT));
    return ids == null ? java.util.Set.of() : new java.util.TreeSet<>(ids);
  }

  private void index(ObjectDef object, Map<String, String> before, Map<String, String> after) {
    for (FieldDef f : object.fields()) {
      if (!f.unique() && !f.externalId()) {
        continue;
      }
      Map<String, java.util.Set<String>> byValue =
          keyIndex.computeIfAbsent(lowerKey(object, f), k -> new java.util.HashMap<>());
      String id = after.get("Id");
      if (before != null && before.get(f.name()) != null) {
        java.util.Set<String> ids = byValue.get(before.get(f.name()).toLowerCase(Locale.ROOT));
        if (ids != null) {
          ids.remove(id);
        }
      }
      if (after.get(f.name()) != null && !"true".equals(after.get("IsDeleted"))) {
        byValue
            .computeIfAbsent(
                after.get(f.name()).toLowerCase(Locale.ROOT), k -> new java.util.HashSet<>())
            .add(id);
      }
    }
  }

  private static String lowerKey(ObjectDef object, FieldDef field) {
    return (object.name() + "." + field.name()).toLowerCase(Locale.ROOT);
  }

  private void checkReferences(ObjectDef object, Map<String, String> row) {
    for (FieldDef f : object.fields()) {
      String v = row.get(f.name());
      if (!"reference".equals(f.type()) || v == null) {
        continue;
      }
      Optional<ObjectDef> target = objectOfId(v);
      boolean ok =
          target.isPresent()
              && (f.referenceTo().contains("*")
                  || f.referenceTo().stream()
                      .anyMatch(t -> t.equalsIgnoreCase(target.get().name())))
              && table(target.get()).containsKey(canonicalId(target.get(), v));
      if (!ok) {
        throw SandboxException.record(
            "INVALID_CROSS_REFERENCE_KEY",
            f.label() + ": id value of incorrect type: " + v,
            f.name());
      }
    }
  }

  /** Fields Salesforce computes: a contact's Name, a task's IsClosed. */
  private static void derive(ObjectDef object, Map<String, String> record) {
    if (object.name().equals("Contact")) {
      String first = record.get("FirstName");
      record.put("Name", (first == null ? "" : first + " ") + record.get("LastName"));
    }
    if (object.name().equals("Task")) {
      record.put("IsClosed", String.valueOf("Completed".equals(record.get("Status"))));
    }
  }
}
