package io.dunhub.core.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields a host object has: what a mapping's host paths are checked against. A connector builds
 * it live (Salesforce {@code describeSObject}); the defaults ship recorded descriptions of the
 * standard fields.
 *
 * @param complete whether every field of the object is listed (a live describe is; a recorded
 *     description of standard fields is not, so an unknown field that looks custom is only a
 *     warning)
 * @param customFields how the host names custom fields ({@code .*__c}, {@code cust.*}), or null
 */
public record ObjectDescription(
    String system,
    String object,
    boolean complete,
    Pattern customFields,
    Map<String, FieldDescription> fields) {

  public ObjectDescription {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public Optional<FieldDescription> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The field whose relationship name is {@code name} (Salesforce {@code Account.Name}). */
  public Optional<FieldDescription> relationship(String name) {
    for (FieldDescription f : fields.values()) {
      if (name.equals(f.relationshipName())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code name} is how this host names a custom field. */
  public boolean looksCustom(String name) {
    return customFields != null && customFields.matcher(name).matches();
  }

  /** This description with more fields (an integrator's custom fields) added or replaced. */
  public ObjectDescription with(ObjectDescription more) {
    Map<String, FieldDescription> merged = new LinkedHashMap<>(fields);
    merged.putAll(more.fields());
    return new ObjectDescription(
        system,
        object,
        complete || more.complete(),
        customFields != null ? customFields : more.customFields(),
        merged);
  }
}
