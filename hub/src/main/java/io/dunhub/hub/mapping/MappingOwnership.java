package io.dunhub.hub.mapping;

import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.mapping.Mapping;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.hub.sync.FieldOwnership;
import java.util.List;
import java.util.Map;

/**
 * Turns the owners declared in mapping files ({@code owner: host}, {@code owner: quickbooks},
 * {@code owner: hub}) into the sync's {@link FieldOwnership} for the configured connections.
 *
 * <p>{@code host} names the connection whose mapping declares it; a system id names the one
 * connection of that system (two connections of one system make that owner ambiguous, an error);
 * {@code hub} means no connection may change the field. Owners of {@code attributes.<name>} are not
 * carried: the sync merges the attributes map as one field.
 */
public final class MappingOwnership {

  /** The owner that no connection is: only the hub changes the field. */
  public static final String HUB = "hub";

  private MappingOwnership() {}

  /**
   * @param systems each connection's system id ({@code crm → salesforce})
   * @throws ConfigurationException when two connections claim one field or an owner is ambiguous
   */
  public static FieldOwnership of(MappingSet mappings, Map<String, String> systems) {
    FieldOwnership.Builder b = FieldOwnership.builder();
    systems.forEach(
        (connection, system) -> {
          for (Mapping m : mappings.forSystem(system)) {
            m.owners()
                .forEach(
                    (field, owner) -> {
                      if (field.startsWith("attributes.")) {
                        return;
                      }
                      String who = resolve(owner, connection, system, systems, m);
                      if (who == null) {
                        return;
                      }
                      try {
                        b.owner(m.entity(), field, who);
                      } catch (IllegalArgumentException e) {
                        throw new ConfigurationException(
                            m.file() + ": owner of " + field + ": " + e.getMessage());
                      }
                    });
          }
        });
    return b.build();
  }

  private static String resolve(
      String owner, String connection, String system, Map<String, String> systems, Mapping m) {
    if (owner.equals("host") || owner.equals(system)) {
      return connection;
    }
    if (owner.equals(HUB)) {
      return HUB;
    }
    List<String> of =
        systems.entrySet().stream()
            .filter(e -> e.getValue().equals(owner))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    if (of.size() > 1) {
      throw new ConfigurationException(
          m.file() + ": owner '" + owner + "' is ambiguous: connections " + of);
    }
    return of.isEmpty() ? null : of.get(0);
  }
}
