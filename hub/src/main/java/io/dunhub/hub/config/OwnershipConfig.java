package io.dunhub.hub.config;

import io.dunhub.core.model.EntityType;
import java.util.List;
import java.util.Map;

/**
 * Which connection owns which canonical fields, and how records from different hosts are matched.
 *
 * @param rules in file order; a rule for named fields wins over a rule for every field ({@code *})
 * @param matchKeys per entity, the canonical fields that identify the same record across hosts
 */
public record OwnershipConfig(List<Rule> rules, Map<EntityType, List<String>> matchKeys) {

  /** Every field that the hub can match or own in each entity. */
  public static final String ALL_FIELDS = "*";

  public OwnershipConfig {
    rules = List.copyOf(rules);
    matchKeys = Map.copyOf(matchKeys);
  }

  /**
   * One rule: {@code owner} (a connection name) owns these fields of {@code entity}.
   *
   * @param fields canonical field names, or {@code *}
   */
  public record Rule(EntityType entity, List<String> fields, String owner) {
    public Rule {
      fields = List.copyOf(fields);
    }
  }

  /** The connection that owns one field, if any rule names it. */
  public java.util.Optional<String> ownerOf(EntityType entity, String field) {
    String wildcard = null;
    for (Rule rule : rules) {
      if (rule.entity() != entity) {
        continue;
      }
      if (rule.fields().contains(field)) {
        return java.util.Optional.of(rule.owner());
      }
      if (wildcard == null && rule.fields().contains(ALL_FIELDS)) {
        wildcard = rule.owner();
      }
    }
    return java.util.Optional.ofNullable(wildcard);
  }
}
