package io.dunhub.core.mapping.internal;

import io.dunhub.core.mapping.Direction;
import io.dunhub.core.mapping.MappingDocument;
import io.dunhub.core.mapping.internal.Specs.FilterSpec;
import io.dunhub.core.mapping.internal.Specs.MappingSpec;
import io.dunhub.core.mapping.internal.Specs.Merge;
import io.dunhub.core.mapping.internal.Specs.Named;
import io.dunhub.core.mapping.internal.Specs.RuleSpec;
import io.dunhub.core.mapping.internal.Specs.TransformSpec;
import io.dunhub.core.model.EntityType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Parses one mapping file into a {@link MappingSpec}, reporting every shape problem. */
final class SpecParser {

  static final Set<String> TOP_KEYS =
      Set.of(
          "system",
          "object",
          "entity",
          "direction",
          "enabled",
          "merge",
          "remove",
          "description",
          "key",
          "cursor",
          "filters",
          "fields");
  static final Set<String> RULE_KEYS =
      Set.of(
          "canonical",
          "host",
          "transform",
          "default",
          "required",
          "owner",
          "direction",
          "each",
          "where",
          "note");
  static final Set<String> FILTER_OPS = Set.of("equals", "notEquals", "in", "notIn", "present");

  private final YamlTree yaml;

  private SpecParser(YamlTree yaml) {
    this.yaml = yaml;
  }

  static Optional<MappingSpec> parse(MappingDocument doc, Problems problems) {
    YamlTree yaml = new YamlTree(doc.location(), problems);
    return yaml.parse(doc.text()).flatMap(root -> new SpecParser(yaml).mapping(doc, root));
  }

  private Optional<MappingSpec> mapping(MappingDocument doc, Node root) {
    Map<String, Node> f = yaml.fields(root, "mapping file", TOP_KEYS);
    if (!(root instanceof MappingNode)) {
      return Optional.empty();
    }
    String system = yaml.requiredText(f, "system", "mapping file", root);
    String object = yaml.requiredText(f, "object", "mapping file", root);
    if (system != null && doc.system() != null && !system.equals(doc.system())) {
      yaml.problems()
          .error(
              yaml.where(f.get("system")),
              "system '"
                  + system
                  + "' does not match the folder it is in ('"
                  + doc.system()
                  + "')");
    }
    EntityType entity = null;
    String entityText = yaml.requiredText(f, "entity", "mapping file", root);
    if (entityText != null) {
      entity = enumValue(EntityType.class, entityText, f.get("entity"), "entity");
    }
    Direction direction = Direction.INBOUND;
    if (f.containsKey("direction")) {
      direction =
          enumValue(
              Direction.class,
              yaml.text(f.get("direction"), "direction"),
              f.get("direction"),
              "direction");
    }
    Boolean enabled = yaml.bool(f.get("enabled"), "enabled");
    Merge merge = Merge.EXTEND;
    if (f.containsKey("merge")) {
      merge = enumValue(Merge.class, yaml.text(f.get("merge"), "merge"), f.get("merge"), "merge");
    }
    Named key = null;
    if (f.containsKey("key")) {
      String k = yaml.text(f.get("key"), "key");
      key = k == null ? null : new Named(k, yaml.where(f.get("key")));
    }
    List<Named> cursor = named(f.get("cursor"), "cursor");
    List<Named> remove = named(f.get("remove"), "remove");
    List<FilterSpec> filters = filters(f.get("filters"), "filters");
    List<RuleSpec> rules = new ArrayList<>();
    if (f.containsKey("fields")) {
      for (Node r : yaml.list(f.get("fields"), "fields")) {
        rule(r).ifPresent(rules::add);
      }
    }
    if (system == null || object == null || entity == null || direction == null || merge == null) {
      return Optional.empty();
    }
    return Optional.of(
        new MappingSpec(
            doc.location(),
            yaml.where(root),
            system.toLowerCase(Locale.ROOT),
            object,
            entity,
            direction,
            enabled == null || enabled,
            merge,
            remove,
            key,
            cursor,
            filters,
            rules,
            Set.copyOf(f.keySet())));
  }

  private Optional<RuleSpec> rule(Node node) {
    Map<String, Node> f = yaml.fields(node, "field rule", RULE_KEYS);
    if (!(node instanceof MappingNode)) {
      return Optional.empty();
    }
    Named canonical = null;
    if (f.containsKey("canonical")) {
      String c = yaml.text(f.get("canonical"), "canonical");
      canonical = c == null ? null : new Named(c, yaml.where(f.get("canonical")));
    }
    List<Named> hosts = named(f.get("host"), "host");
    TransformSpec transform = f.containsKey("transform") ? transform(f.get("transform")) : null;
    Boolean required = yaml.bool(f.get("required"), "required");
    Named owner = null;
    if (f.containsKey("owner")) {
      String o = yaml.text(f.get("owner"), "owner");
      owner = o == null ? null : new Named(o, yaml.where(f.get("owner")));
    }
    Direction direction = null;
    if (f.containsKey("direction")) {
      direction =
          enumValue(
              Direction.class,
              yaml.text(f.get("direction"), "direction"),
              f.get("direction"),
              "direction");
    }
    List<RuleSpec> each = new ArrayList<>();
    if (f.containsKey("each")) {
      for (Node r : yaml.list(f.get("each"), "each")) {
        rule(r).ifPresent(each::add);
      }
    }
    List<FilterSpec> where = filters(f.get("where"), "where");
    if (canonical == null && hosts.isEmpty()) {
      yaml.problems().error(yaml.where(node), "field rule needs 'canonical', 'host' or both");
      return Optional.empty();
    }
    return Optional.of(
        new RuleSpec(
            yaml.where(node),
            canonical,
            hosts,
            transform,
            f.get("default"),
            required,
            owner,
            direction,
            each,
            where));
  }

  /** {@code date}, or {@code {money: {scale: 2}}}, or {@code {constant: Invoice}}. */
  private TransformSpec transform(Node node) {
    if (node instanceof ScalarNode s) {
      return new TransformSpec(s.getValue(), yaml.where(node), null);
    }
    if (node instanceof MappingNode m && m.getValue().size() == 1) {
      NodeTuple t = m.getValue().get(0);
      String name = yaml.text(t.getKeyNode(), "transform name");
      return name == null
          ? null
          : new TransformSpec(name, yaml.where(t.getKeyNode()), t.getValueNode());
    }
    yaml.problems()
        .error(
            yaml.where(node),
            "transform must be a name (date) or one name with its settings ({money: {scale: 2}})");
    return null;
  }

  private List<FilterSpec> filters(Node node, String what) {
    List<FilterSpec> out = new ArrayList<>();
    for (Node item : yaml.list(node, what)) {
      Set<String> allowed = new java.util.HashSet<>(FILTER_OPS);
      allowed.add("field");
      Map<String, Node> f = yaml.fields(item, "filter", allowed);
      if (!(item instanceof MappingNode)) {
        continue;
      }
      String field = yaml.requiredText(f, "field", "filter", item);
      List<String> ops = f.keySet().stream().filter(FILTER_OPS::contains).toList();
      if (ops.size() != 1) {
        yaml.problems()
            .error(
                yaml.where(item),
                "filter needs exactly one of "
                    + String.join(", ", new java.util.TreeSet<>(FILTER_OPS)));
        continue;
      }
      String op = ops.get(0);
      Node value = f.get(op);
      List<String> values;
      if (op.equals("present")) {
        Boolean b = yaml.bool(value, "present");
        values = b == null ? null : List.of(b.toString());
      } else if (op.equals("in") || op.equals("notIn")) {
        values = yaml.texts(value, op);
      } else {
        String v = yaml.text(value, op);
        values = v == null ? null : List.of(v);
      }
      if (field != null && values != null) {
        out.add(new FilterSpec(yaml.where(item), field, op, values));
      }
    }
    return out;
  }

  private List<Named> named(Node node, String what) {
    List<Named> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    List<Node> items =
        node instanceof org.snakeyaml.engine.v2.nodes.SequenceNode s ? s.getValue() : List.of(node);
    for (Node item : items) {
      String t = yaml.text(item, what);
      if (t != null) {
        out.add(new Named(t, yaml.where(item)));
      }
    }
    return out;
  }

  private <E extends Enum<E>> E enumValue(Class<E> type, String text, Node node, String what) {
    if (text == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(text.trim())) {
        return e;
      }
    }
    List<String> names =
        Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    yaml.problems()
        .error(
            yaml.where(node),
            what
                + " '"
                + text
                + "' is not one of "
                + String.join(", ", names)
                + Suggest.hint(text, names));
    return null;
  }
}
