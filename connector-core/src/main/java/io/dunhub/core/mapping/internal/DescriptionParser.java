package io.dunhub.core.mapping.internal;

import io.dunhub.core.mapping.FieldDescription;
import io.dunhub.core.mapping.FieldType;
import io.dunhub.core.mapping.MappingDocument;
import io.dunhub.core.mapping.ObjectDescription;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads an object description file:
 *
 * <pre>
 * system: salesforce
 * object: Account
 * complete: false              # only the standard fields are listed
 * customFields: ".*__[cr]"     # how custom fields are named
 * fields:
 *   Name: string
 *   OwnerId: {type: reference, to: User, relationship: Owner}
 *   BillingAddress: {type: object, fields: {City: string}}
 * </pre>
 */
public final class DescriptionParser {
  private DescriptionParser() {}

  public static Optional<ObjectDescription> parse(MappingDocument doc, Problems problems) {
    YamlTree yaml = new YamlTree(doc.location(), problems);
    return yaml.parse(doc.text()).flatMap(root -> description(yaml, doc, root));
  }

  private static Optional<ObjectDescription> description(
      YamlTree yaml, MappingDocument doc, Node root) {
    Map<String, Node> f =
        yaml.fields(
            root,
            "object description",
            Set.of("system", "object", "complete", "customFields", "description", "fields"));
    if (!(root instanceof MappingNode)) {
      return Optional.empty();
    }
    String system = yaml.requiredText(f, "system", "object description", root);
    String object = yaml.requiredText(f, "object", "object description", root);
    Boolean complete = yaml.bool(f.get("complete"), "complete");
    Pattern custom = null;
    String c = yaml.text(f.get("customFields"), "customFields");
    if (c != null) {
      try {
        custom = Pattern.compile(c);
      } catch (PatternSyntaxException e) {
        yaml.problems()
            .error(
                yaml.where(f.get("customFields")),
                "customFields is not a pattern: " + e.getDescription());
      }
    }
    Map<String, FieldDescription> fields = fields(yaml, f.get("fields"));
    if (system == null || object == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ObjectDescription(
            system.toLowerCase(java.util.Locale.ROOT),
            object,
            Boolean.TRUE.equals(complete),
            custom,
            fields));
  }

  private static Map<String, FieldDescription> fields(YamlTree yaml, Node node) {
    Map<String, FieldDescription> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    for (NodeTuple t : yaml.entries(node, "fields")) {
      String name = yaml.text(t.getKeyNode(), "field name");
      if (name == null) {
        continue;
      }
      if (out.containsKey(name)) {
        yaml.problems()
            .error(yaml.where(t.getKeyNode()), "field '" + name + "' is described twice");
      }
      Node v = t.getValueNode();
      if (v instanceof ScalarNode s) {
        type(yaml, s.getValue(), v)
            .ifPresent(type -> out.put(name, FieldDescription.of(name, type)));
        continue;
      }
      Map<String, Node> d =
          yaml.fields(v, "field " + name, Set.of("type", "to", "relationship", "fields"));
      String typeName = yaml.text(d.get("type"), "type");
      Optional<FieldType> type =
          typeName == null ? Optional.empty() : type(yaml, typeName, d.get("type"));
      if (typeName == null) {
        yaml.problems().error(yaml.where(v), "field '" + name + "' needs a type");
      }
      type.ifPresent(
          ft ->
              out.put(
                  name,
                  new FieldDescription(
                      name,
                      ft,
                      yaml.text(d.get("to"), "to"),
                      yaml.text(d.get("relationship"), "relationship"),
                      fields(yaml, d.get("fields")))));
    }
    return out;
  }

  private static Optional<FieldType> type(YamlTree yaml, String name, Node where) {
    Optional<FieldType> t = FieldType.fromHostName(name);
    if (t.isEmpty()) {
      yaml.problems().error(yaml.where(where), "unknown field type '" + name + "'");
    }
    return t;
  }
}
