package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dunhub.core.mapping.internal.CanonicalField.Kind;
import io.dunhub.core.mapping.internal.Specs.TransformSpec;
import io.dunhub.core.model.EntityType;
import io.dunhub.core.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The closed set of named transforms and how each is built from its settings. There is no
 * scripting: a file can only name one of these.
 */
final class TransformRegistry {

  /** Which canonical kinds each transform can fill. */
  static final Map<String, Set<Kind>> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put(
        "text",
        EnumSet.of(
            Kind.TEXT,
            Kind.ENUM,
            Kind.ZONE,
            Kind.LOCALE,
            Kind.ATTRIBUTE,
            Kind.TEXT_SET,
            Kind.ENUM_SET));
    KINDS.put("date", EnumSet.of(Kind.DATE, Kind.INSTANT, Kind.ATTRIBUTE));
    KINDS.put("datetime", EnumSet.of(Kind.INSTANT, Kind.ATTRIBUTE));
    KINDS.put("money", EnumSet.of(Kind.MONEY));
    KINDS.put("boolean", EnumSet.of(Kind.BOOLEAN, Kind.ATTRIBUTE));
    KINDS.put(
        "map",
        EnumSet.of(Kind.TEXT, Kind.ENUM, Kind.BOOLEAN, Kind.ZONE, Kind.LOCALE, Kind.ATTRIBUTE));
    KINDS.put("concat", EnumSet.of(Kind.TEXT, Kind.ATTRIBUTE));
    KINDS.put(
        "split", EnumSet.of(Kind.TEXT_SET, Kind.ENUM_SET, Kind.TEXT, Kind.ENUM, Kind.ATTRIBUTE));
    KINDS.put("constant", EnumSet.complementOf(EnumSet.of(Kind.APPLICATIONS)));
    KINDS.put("lookup", EnumSet.of(Kind.TEXT));
  }

  private final YamlTree yaml;
  private final Function<EntityType, List<String>> objectsOf;

  /**
   * @param objectsOf the host objects of this system mapped to an entity (for a lookup that does
   *     not name its object)
   */
  TransformRegistry(YamlTree yaml, Function<EntityType, List<String>> objectsOf) {
    this.yaml = yaml;
    this.objectsOf = objectsOf;
  }

  /**
   * The transform a rule uses when it names none, or empty (and an error) when it must name one.
   */
  Optional<Transform> implicit(CanonicalField field, Where where) {
    return switch (field.kind()) {
      case DATE -> Optional.of(new DateTransform(null, null));
      case INSTANT -> Optional.of(new DateTimeTransform(null, null));
      case BOOLEAN ->
          Optional.of(new BooleanTransform(BooleanTransform.TRUE, BooleanTransform.FALSE));
      case MONEY -> {
        yaml.problems()
            .error(
                where,
                "canonical field '"
                    + field.name()
                    + "' is money: give it a money transform with a currency");
        yield Optional.empty();
      }
      case APPLICATIONS -> {
        yaml.problems()
            .error(where, "canonical field '" + field.name() + "' is a list: give it 'each' rules");
        yield Optional.empty();
      }
      default -> Optional.of(new TextTransform(true, null));
    };
  }

  /**
   * Builds a named transform, reporting an unknown name, settings of the wrong type, and a
   * transform that cannot fill the field.
   *
   * @param field the canonical field, or null for an outbound constant
   * @param label names the rule in run-time warnings
   */
  Optional<Transform> create(TransformSpec spec, CanonicalField field, String label) {
    Set<Kind> kinds = KINDS.get(spec.name());
    if (kinds == null) {
      yaml.problems()
          .error(
              spec.where(),
              "unknown transform '"
                  + spec.name()
                  + "'"
                  + Suggest.hint(spec.name(), KINDS.keySet())
                  + "; known: "
                  + String.join(", ", KINDS.keySet()));
      return Optional.empty();
    }
    if (field != null && !kinds.contains(field.kind())) {
      yaml.problems()
          .error(
              spec.where(),
              "transform "
                  + spec.name()
                  + " cannot fill canonical field '"
                  + field.name()
                  + "', which holds "
                  + field.describe());
      return Optional.empty();
    }
    if (field == null && !spec.name().equals("constant")) {
      yaml.problems().error(spec.where(), "a rule without 'canonical' can only write a constant");
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (spec.name()) {
          case "text" -> text(spec);
          case "date" -> date(spec);
          case "datetime" -> dateTime(spec);
          case "money" -> money(spec);
          case "boolean" -> bool(spec);
          case "map" -> valueMap(spec, field, label);
          case "concat" -> concat(spec);
          case "split" -> split(spec, field);
          case "constant" -> constant(spec, field);
          default -> lookup(spec);
        });
  }

  private Args args(TransformSpec spec, String... allowed) {
    return new Args(spec.name(), spec.args(), Set.of(allowed), yaml, spec.where());
  }

  private Transform text(TransformSpec spec) {
    Args a = args(spec, "trim", "case");
    Boolean trim = a.bool("trim");
    String letterCase = a.text("case");
    if (letterCase != null && !letterCase.equals("upper") && !letterCase.equals("lower")) {
      a.error("case", "case must be upper or lower, not '" + letterCase + "'");
    }
    return new TextTransform(trim == null || trim, letterCase);
  }

  private Transform date(TransformSpec spec) {
    Args a = args(spec, "format", "zone");
    String format = pattern(a);
    return new DateTransform(format, zone(a));
  }

  private Transform dateTime(TransformSpec spec) {
    Args a = args(spec, "format", "zone");
    String format = pattern(a);
    ZoneId zone = zone(a);
    if (format != null && zone == null && !DateTimeTransform.patternHasZone(format)) {
      a.error(
          "format",
          "format '" + format + "' has no offset: add a zone (like zone: America/New_York)");
    }
    return new DateTimeTransform(format, zone);
  }

  private String pattern(Args a) {
    String format = a.text("format");
    if (format != null) {
      try {
        java.time.format.DateTimeFormatter.ofPattern(format);
      } catch (IllegalArgumentException e) {
        a.error("format", "format '" + format + "' is not a date pattern: " + e.getMessage());
        return null;
      }
    }
    return format;
  }

  private ZoneId zone(Args a) {
    String z = a.text("zone");
    if (z == null) {
      return null;
    }
    try {
      return ZoneId.of(z);
    } catch (DateTimeException e) {
      a.error("zone", "zone '" + z + "' is not a time zone id (like Europe/Paris)");
      return null;
    }
  }

  private Transform money(TransformSpec spec) {
    Args a = args(spec, "currency", "scale", "rounding");
    Integer scale = a.integer("scale");
    if (scale != null && (scale < 0 || scale > 10)) {
      a.error("scale", "scale must be between 0 and 10");
    }
    RoundingMode rounding = RoundingMode.HALF_EVEN;
    String r = a.text("rounding");
    if (r != null) {
      try {
        rounding = RoundingMode.valueOf(r.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        a.error(
            "rounding",
            "rounding '"
                + r
                + "' is not one of "
                + Arrays.stream(RoundingMode.values()).map(Enum::name).toList());
      }
    }
    Node c = a.node("currency");
    if (c == null) {
      a.error(
          null,
          "money needs a currency: a code (currency: USD) or a field (currency: {field: CurrencyIsoCode})");
      return null;
    }
    if (c instanceof ScalarNode s) {
      Currency constant = currency(s.getValue(), c);
      return constant == null ? null : new MoneyTransform(constant, null, null, scale, rounding);
    }
    Map<String, Node> cf = yaml.fields(c, "money currency", Set.of("field", "default"));
    String field = yaml.text(cf.get("field"), "money currency 'field'");
    if (field == null) {
      yaml.problems()
          .error(yaml.where(c), "money currency needs 'field' (or write a code: currency: USD)");
      return null;
    }
    HostPath path;
    try {
      path = HostPath.parse(field);
    } catch (IllegalArgumentException e) {
      yaml.problems()
          .error(yaml.where(cf.get("field")), "currency field '" + field + "': " + e.getMessage());
      return null;
    }
    Currency fallback = null;
    if (cf.containsKey("default")) {
      fallback =
          currency(yaml.text(cf.get("default"), "money currency default"), cf.get("default"));
    }
    return new MoneyTransform(null, path, fallback, scale, rounding);
  }

  private Currency currency(String code, Node where) {
    try {
      return Money.currency(code);
    } catch (IllegalArgumentException e) {
      yaml.problems().error(yaml.where(where), "'" + code + "' is not an ISO 4217 currency code");
      return null;
    }
  }

  private Transform bool(TransformSpec spec) {
    Args a = args(spec, "true", "false");
    Set<String> yes = words(a, "true", BooleanTransform.TRUE);
    Set<String> no = words(a, "false", BooleanTransform.FALSE);
    return new BooleanTransform(yes, no);
  }

  private Set<String> words(Args a, String key, Set<String> fallback) {
    if (!a.has(key)) {
      return fallback;
    }
    Set<String> out = new HashSet<>();
    for (String w : yaml.texts(a.node(key), "transform boolean '" + key + "'")) {
      out.add(w.strip().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private Transform valueMap(TransformSpec spec, CanonicalField field, String label) {
    Args a = args(spec, "values", "default", "ignoreCase");
    boolean ignoreCase = Boolean.TRUE.equals(a.bool("ignoreCase"));
    Coercer coercer = new Coercer(field);
    Map<String, Object> forward = new HashMap<>();
    Map<Object, String> reverse = new HashMap<>();
    if (!a.has("values")) {
      a.error(null, "a value map needs 'values' (host value: canonical value)");
    }
    boolean ok = true;
    for (NodeTuple t : yaml.entries(a.node("values"), "value map 'values'")) {
      String host = yaml.text(t.getKeyNode(), "value map key");
      Object canonical = literal(coercer, t.getValueNode(), field);
      if (host == null || canonical == null) {
        ok = false;
        continue;
      }
      String key = ignoreCase ? host.strip().toLowerCase(Locale.ROOT) : host.strip();
      if (forward.containsKey(key)) {
        yaml.problems()
            .error(yaml.where(t.getKeyNode()), "value map names host value '" + host + "' twice");
      }
      forward.put(key, canonical);
      reverse.putIfAbsent(ValueMapTransform.key(canonical), host);
    }
    if (!a.has("default")) {
      yaml.problems()
          .error(
              spec.where(),
              "value map for '"
                  + field.name()
                  + "' has no default: add 'default:' for host values it does not name");
      return null;
    }
    Object fallback = literal(coercer, a.node("default"), field);
    return ok && fallback != null
        ? new ValueMapTransform(forward, reverse, fallback, ignoreCase, label)
        : null;
  }

  private Transform concat(TransformSpec spec) {
    Args a = args(spec, "separator");
    String sep = a.has("separator") ? rawText(a.node("separator")) : " ";
    return new ConcatTransform(sep == null ? " " : sep);
  }

  private Transform split(TransformSpec spec, CanonicalField field) {
    Args a = args(spec, "separator", "index");
    String sep = a.has("separator") ? rawText(a.node("separator")) : ";";
    if (sep == null || sep.isEmpty()) {
      a.error("separator", "separator must not be empty");
      return null;
    }
    Integer index = a.integer("index");
    boolean many = field.kind() == Kind.TEXT_SET || field.kind() == Kind.ENUM_SET;
    if (index == null && !many) {
      a.error(null, "split into '" + field.name() + "' (one value) needs an index");
      return null;
    }
    return new SplitTransform(sep, index);
  }

  private Transform constant(TransformSpec spec, CanonicalField field) {
    Node value = spec.args();
    if (value != null && !(value instanceof ScalarNode)) {
      Args a = args(spec, "value");
      value = a.node("value");
    }
    if (value == null || (value instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
      yaml.problems().error(spec.where(), "constant needs a value (constant: Completed)");
      return null;
    }
    Object canonical = null;
    if (field != null) {
      canonical = literal(new Coercer(field), value, field);
      if (canonical == null) {
        return null;
      }
    }
    return new ConstantTransform(canonical, json(value));
  }

  private Transform lookup(TransformSpec spec) {
    Args a = args(spec, "entity", "object");
    String e = a.text("entity");
    if (e == null) {
      a.error(null, "lookup needs the entity it points to (entity: party)");
      return null;
    }
    EntityType entity;
    try {
      entity = EntityType.valueOf(e.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException ex) {
      a.error(
          "entity", "entity '" + e + "' is not one of party, contact, invoice, payment, activity");
      return null;
    }
    String object = a.text("object");
    if (object == null) {
      List<String> objects = objectsOf.apply(entity);
      if (objects.size() != 1) {
        a.error(
            null,
            "name the host object the id belongs to (object: ...): this system maps "
                + entity.name().toLowerCase(Locale.ROOT)
                + " from "
                + (objects.isEmpty() ? "no object" : objects));
        return null;
      }
      object = objects.get(0);
    }
    return new LookupTransform(entity, object);
  }

  /** A literal written in a file for {@code field}, or null after reporting it. */
  Object literal(Coercer coercer, Node node, CanonicalField field) {
    String text = yaml.text(node, "value for '" + field.name() + "'");
    if (text == null) {
      return null;
    }
    try {
      return coercer.literal(text);
    } catch (TransformFailure f) {
      yaml.problems()
          .error(
              yaml.where(node), "'" + text + "' for '" + field.name() + "' is " + f.getMessage());
      return null;
    }
  }

  private static String rawText(Node node) {
    return node instanceof ScalarNode s ? s.getValue() : null;
  }

  /** A YAML scalar as the JSON value a host expects (true stays a boolean, 3 a number). */
  static JsonNode json(Node node) {
    ScalarNode s = (ScalarNode) node;
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (s.getTag().equals(Tag.BOOL)) {
      return f.booleanNode(Boolean.parseBoolean(s.getValue().toLowerCase(Locale.ROOT)));
    }
    if (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT)) {
      try {
        return f.numberNode(new BigDecimal(s.getValue()));
      } catch (NumberFormatException e) {
        return f.textNode(s.getValue());
      }
    }
    return f.textNode(s.getValue());
  }
}
