package io.dunhub.core.mapping;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the mapping engine finds host object descriptions. A connector implements it live (the
 * Salesforce connector over {@code describeSObject}); {@link #of} serves recorded ones.
 */
public interface ObjectDescriptions {

  /** The description of one host object, if known. */
  Optional<ObjectDescription> find(String system, String object);

  /** No descriptions: host fields are not checked. */
  static ObjectDescriptions none() {
    return (system, object) -> Optional.empty();
  }

  /** Fixed descriptions; two for the same object are merged (the later adds fields). */
  static ObjectDescriptions of(Collection<ObjectDescription> descriptions) {
    Map<String, ObjectDescription> byKey = new LinkedHashMap<>();
    for (ObjectDescription d : descriptions) {
      byKey.merge(key(d.system(), d.object()), d, ObjectDescription::with);
    }
    return (system, object) -> Optional.ofNullable(byKey.get(key(system, object)));
  }

  /**
   * These descriptions, extended by {@code more}: an object both describe gets the fields of both
   * (an integrator's custom fields on top of a recorded description); live descriptions are usually
   * placed first.
   */
  default ObjectDescriptions and(ObjectDescriptions more) {
    ObjectDescriptions first = this;
    return (system, object) -> {
      Optional<ObjectDescription> a = first.find(system, object);
      Optional<ObjectDescription> b = more.find(system, object);
      if (a.isPresent() && b.isPresent()) {
        return Optional.of(a.get().with(b.get()));
      }
      return a.isPresent() ? a : b;
    };
  }

  private static String key(String system, String object) {
    return system.toLowerCase(Locale.ROOT) + "/" + object;
  }
}
