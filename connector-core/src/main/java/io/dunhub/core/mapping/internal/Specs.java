package io.dunhub.core.mapping.internal;

import io.dunhub.core.mapping.Direction;
import io.dunhub.core.model.EntityType;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** A mapping file as written: parsed, not yet checked against the canonical model or the host. */
final class Specs {
  private Specs() {}

  /** How a user file combines with the default for the same system and object. */
  enum Merge {
    /** Rules for the same canonical field replace the default's; other rules are added. */
    EXTEND,
    /** The user file stands alone. */
    REPLACE
  }

  /**
   * One mapping file.
   *
   * @param present the top-level keys the file wrote (a user file extends only what it names)
   */
  record MappingSpec(
      String file,
      Where where,
      String system,
      String object,
      EntityType entity,
      Direction direction,
      boolean enabled,
      Merge merge,
      List<Named> remove,
      Named key,
      List<Named> cursor,
      List<FilterSpec> filters,
      List<RuleSpec> rules,
      Set<String> present) {}

  /** A name and where it was written. */
  record Named(String name, Where where) {}

  /**
   * One field rule.
   *
   * @param canonical null for an outbound constant (a host field Dunhub always sets)
   * @param hosts the host paths (more than one only for {@code concat})
   * @param direction null to follow the file
   * @param each rules applied to every element of the host list (payment applications)
   * @param where filters on the elements of the host list
   */
  record RuleSpec(
      Where where,
      Named canonical,
      List<Named> hosts,
      TransformSpec transform,
      Node defaultValue,
      Boolean required,
      Named owner,
      Direction direction,
      List<RuleSpec> each,
      List<FilterSpec> whereFilters) {}

  /** A transform and its arguments (a map node, a scalar shorthand, or null). */
  record TransformSpec(String name, Where where, Node args) {}

  /** A filter: {@code field} compared by {@code op} with {@code values}. */
  record FilterSpec(Where where, String field, String op, List<String> values) {
    String describe() {
      return switch (op) {
        case "present" -> field + (values.get(0).equals("true") ? " is present" : " is absent");
        case "equals" -> field + " = " + values.get(0);
        case "notEquals" -> field + " != " + values.get(0);
        case "in" -> field + " in " + values;
        default -> field + " not in " + values;
      };
    }
  }
}
