package io.dunhub.core.mapping.internal;

import io.dunhub.core.mapping.Direction;
import io.dunhub.core.mapping.FieldDescription;
import io.dunhub.core.mapping.FieldType;
import io.dunhub.core.mapping.ObjectDescription;
import io.dunhub.core.mapping.ObjectDescriptions;
import io.dunhub.core.mapping.internal.CanonicalField.Kind;
import io.dunhub.core.mapping.internal.Specs.FilterSpec;
import io.dunhub.core.mapping.internal.Specs.MappingSpec;
import io.dunhub.core.mapping.internal.Specs.Named;
import io.dunhub.core.mapping.internal.Specs.RuleSpec;
import io.dunhub.core.model.Activity;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.EntityType;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.Party;
import io.dunhub.core.model.Payment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks one (merged) mapping spec against the canonical model, the transform registry and the host
 * object's description, and compiles it. Every problem is reported; a spec with an error compiles
 * to nothing.
 */
final class Compiler {
  private final ObjectDescriptions descriptions;
  private final Problems problems;
  private final Set<String> owners;
  private final Function<String, Function<EntityType, List<String>>> objectsOf;

  /**
   * @param systems the known system ids (valid rule owners besides {@code host} and {@code hub})
   * @param objectsOf per system, the host objects mapped to each entity
   */
  Compiler(
      ObjectDescriptions descriptions,
      Problems problems,
      Set<String> systems,
      Function<String, Function<EntityType, List<String>>> objectsOf) {
    this.descriptions = descriptions;
    this.problems = problems;
    this.owners = new HashSet<>(systems);
    this.owners.add("host");
    this.owners.add("hub");
    this.objectsOf = objectsOf;
  }

  Optional<RuleMapping> compile(MappingSpec spec) {
    YamlTree yaml = new YamlTree(spec.file(), problems);
    TransformRegistry transforms = new TransformRegistry(yaml, objectsOf.apply(spec.system()));
    CanonicalSchema schema = CanonicalSchema.of(spec.entity());
    Optional<ObjectDescription> description = descriptions.find(spec.system(), spec.object());
    if (description.isEmpty()) {
      problems.warning(
          spec.where(),
          "no description of "
              + spec.system()
              + " "
              + spec.object()
              + ": host fields are not checked");
    }
    PathChecker checker = new PathChecker(descriptions, problems);
    Map<String, FieldDescription> top = description.map(ObjectDescription::fields).orElse(null);

    String key = null;
    if (spec.key() != null) {
      key = spec.key().name();
      checkPath(checker, key, description, top, spec.key().where());
    } else if (spec.direction().inbound()) {
      problems.error(
          spec.where(), "an inbound mapping needs 'key': the host field that identifies a record");
    }
    List<String> cursor = new ArrayList<>();
    for (Named c : spec.cursor()) {
      cursor.add(c.name());
      checkPath(checker, c.name(), description, top, c.where());
    }
    List<Filter> filters = filters(spec.filters(), checker, description, top);

    List<CompiledRule> rules =
        rules(spec, spec.rules(), schema, transforms, checker, description, top, spec.direction());
    if (spec.direction().inbound()) {
      requireFields(spec, schema);
    }
    if (problems.hasErrorIn(spec.file())) {
      return Optional.empty();
    }
    return Optional.of(
        new RuleMapping(
            spec.system(),
            spec.object(),
            spec.entity(),
            spec.file(),
            spec.direction(),
            spec.enabled(),
            key,
            cursor,
            filters,
            rules,
            recordType(spec.entity())));
  }

  private List<CompiledRule> rules(
      MappingSpec spec,
      List<RuleSpec> specs,
      CanonicalSchema schema,
      TransformRegistry transforms,
      PathChecker checker,
      Optional<ObjectDescription> object,
      Map<String, FieldDescription> start,
      Direction fileDirection) {
    List<CompiledRule> out = new ArrayList<>();
    Map<String, RuleSpec> seen = new HashMap<>();
    for (RuleSpec r : specs) {
      String id = r.canonical() != null ? r.canonical().name() : "host " + r.hosts();
      RuleSpec first = seen.putIfAbsent(id, r);
      if (first != null) {
        problems.error(
            r.where(),
            "duplicate rule for '" + id + "' (first on line " + first.where().line() + ")");
        continue;
      }
      rule(spec, r, schema, transforms, checker, object, start, fileDirection).ifPresent(out::add);
    }
    return out;
  }

  private Optional<CompiledRule> rule(
      MappingSpec spec,
      RuleSpec r,
      CanonicalSchema schema,
      TransformRegistry transforms,
      PathChecker checker,
      Optional<ObjectDescription> object,
      Map<String, FieldDescription> start,
      Direction fileDirection) {
    int errorsBefore = problems.all().size();
    Direction direction = r.direction() == null ? fileDirection : r.direction();
    if (r.direction() != null
        && fileDirection != Direction.BOTH
        && r.direction() != fileDirection) {
      problems.error(
          r.where(),
          "rule direction "
              + lower(r.direction())
              + " does not fit the file's direction "
              + lower(fileDirection));
    }
    CanonicalField field = null;
    if (r.canonical() != null) {
      field = schema.field(r.canonical().name()).orElse(null);
      if (field == null) {
        problems.error(
            r.canonical().where(),
            schema.name()
                + " has no canonical field '"
                + r.canonical().name()
                + "'"
                + Suggest.hint(r.canonical().name(), schema.names())
                + "; fields: "
                + String.join(", ", schema.names()));
        return Optional.empty();
      }
    }
    String label =
        schema.name()
            + "."
            + (field == null ? r.hosts().get(0).name() : field.name())
            + " ("
            + shortFile(spec.file())
            + ":"
            + r.where().line()
            + ")";

    if (field != null && field.kind() == Kind.APPLICATIONS) {
      return list(spec, r, field, label, transforms, checker, object, start, direction);
    }
    if (!r.each().isEmpty()) {
      problems.error(r.where(), "'each' only applies to list fields (payment applications)");
    }
    Optional<Transform> transform =
        r.transform() != null
            ? transforms.create(r.transform(), field, label)
            : field == null ? Optional.empty() : transforms.implicit(field, r.where());
    if (field == null && r.transform() == null) {
      problems.error(
          r.where(), "a rule without 'canonical' must be a constant (transform: {constant: ...})");
    }
    if (transform.isEmpty()) {
      checkHostsAlone(r, checker, object, start);
      return Optional.empty();
    }
    Transform t = transform.get();
    if (field == null && direction.inbound() && fileDirection != Direction.INBOUND) {
      direction = Direction.OUTBOUND;
    }
    HostPath[] paths = paths(r, t, direction);
    if (paths == null) {
      return Optional.empty();
    }
    for (int i = 0; i < paths.length; i++) {
      if (object.isPresent() || start != null) {
        Optional<FieldDescription> fd =
            checker.check(paths[i], object.orElse(null), start, r.hosts().get(i).where());
        if (fd.isPresent() && !t.accepts().contains(fd.get().type())) {
          String hint =
              fd.get().type() == FieldType.OBJECT || fd.get().type() == FieldType.ARRAY
                  ? "; reach into it (" + paths[i] + ".<field>)"
                  : "";
          problems.error(
              r.hosts().get(i).where(),
              "host field '"
                  + paths[i]
                  + "' is "
                  + lower(fd.get().type())
                  + ", which transform "
                  + t.name()
                  + " cannot read"
                  + hint);
        }
      }
    }
    if (direction.outbound() && !t.writable()) {
      if (r.direction() != null && r.direction().outbound()) {
        problems.error(
            r.where(), "transform " + t.name() + " cannot be written back: make the rule inbound");
      }
      direction = Direction.INBOUND;
    }
    Object defaultValue = null;
    if (r.defaultValue() != null && field != null) {
      defaultValue = transforms.literal(new Coercer(field), r.defaultValue(), field);
    }
    String owner = "host";
    if (r.owner() != null) {
      owner = r.owner().name().toLowerCase(Locale.ROOT);
      if (!owners.contains(owner)) {
        problems.error(
            r.owner().where(),
            "owner '"
                + r.owner().name()
                + "' is not host, hub or a system ("
                + String.join(", ", owners)
                + ")");
      }
    }
    if (problems.all().size() > errorsBefore && problems.hasErrorIn(spec.file())) {
      return Optional.empty();
    }
    boolean required = Boolean.TRUE.equals(r.required()) || field != null && field.required();
    return Optional.of(
        new CompiledRule(
            label,
            field,
            paths,
            t,
            defaultValue,
            required,
            direction,
            owner,
            null,
            null,
            null,
            null,
            null));
  }

  /** Checks a rule's host fields when its transform is broken, so their problems show too. */
  private void checkHostsAlone(
      RuleSpec r,
      PathChecker checker,
      Optional<ObjectDescription> object,
      Map<String, FieldDescription> start) {
    if (object.isEmpty() && start == null) {
      return;
    }
    for (Named h : r.hosts()) {
      try {
        checker.check(HostPath.parse(h.name()), object.orElse(null), start, h.where());
      } catch (IllegalArgumentException e) {
        problems.error(h.where(), "host path '" + h.name() + "': " + e.getMessage());
      }
    }
  }

  private HostPath[] paths(RuleSpec r, Transform t, Direction direction) {
    int want = t.hostPaths();
    int have = r.hosts().size();
    if (want == 1 && have != 1) {
      problems.error(
          r.where(), "transform " + t.name() + " reads exactly one host field, not " + have);
      return null;
    }
    if (want == -1 && have < 1) {
      problems.error(r.where(), "transform " + t.name() + " needs a list of host fields");
      return null;
    }
    if (want == 0 && have == 0 && direction.outbound()) {
      problems.error(r.where(), "a constant written to the host needs 'host': the field to write");
      return null;
    }
    HostPath[] paths = new HostPath[have];
    boolean ok = true;
    for (int i = 0; i < have; i++) {
      Named h = r.hosts().get(i);
      try {
        paths[i] = HostPath.parse(h.name());
        if (paths[i].iterates()) {
          problems.error(
              h.where(),
              "'" + h.name() + "': [] only belongs in the host of a list rule with 'each'");
          ok = false;
        }
      } catch (IllegalArgumentException e) {
        problems.error(h.where(), "host path '" + h.name() + "': " + e.getMessage());
        ok = false;
      }
    }
    return ok ? paths : null;
  }

  private Optional<CompiledRule> list(
      MappingSpec spec,
      RuleSpec r,
      CanonicalField field,
      String label,
      TransformRegistry transforms,
      PathChecker checker,
      Optional<ObjectDescription> object,
      Map<String, FieldDescription> start,
      Direction direction) {
    if (r.each().isEmpty() || r.hosts().size() != 1) {
      problems.error(
          r.where(), "'" + field.name() + "' needs one host list (host: Line[]) and 'each' rules");
      return Optional.empty();
    }
    Named h = r.hosts().get(0);
    HostPath elements;
    HostPath target;
    try {
      elements = HostPath.parse(h.name());
      if (!h.name().endsWith("[]") || h.name().indexOf("[]") != h.name().length() - 2) {
        problems.error(
            h.where(), "the host of a list rule must end with [] (like Line[] or apply.items[])");
        return Optional.empty();
      }
      target = HostPath.parse(h.name().substring(0, h.name().length() - 2));
    } catch (IllegalArgumentException e) {
      problems.error(h.where(), "host path '" + h.name() + "': " + e.getMessage());
      return Optional.empty();
    }
    Map<String, FieldDescription> elementFields = null;
    if (object.isPresent() || start != null) {
      Optional<FieldDescription> fd =
          checker.check(elements, object.orElse(null), start, h.where());
      elementFields = fd.map(FieldDescription::fields).filter(m -> !m.isEmpty()).orElse(null);
    }
    List<Filter> where = filters(r.whereFilters(), checker, Optional.empty(), elementFields);
    List<CompiledRule> each =
        rules(
            spec,
            r.each(),
            CanonicalSchema.APPLICATION,
            transforms,
            checker,
            Optional.empty(),
            elementFields,
            direction);
    if (problems.hasErrorIn(spec.file())) {
      return Optional.empty();
    }
    return Optional.of(
        new CompiledRule(
            label,
            field,
            new HostPath[] {elements},
            null,
            null,
            false,
            direction,
            r.owner() == null ? "host" : r.owner().name(),
            elements,
            target,
            where.toArray(Filter[]::new),
            each.toArray(CompiledRule[]::new),
            CanonicalSchema.APPLICATION));
  }

  private List<Filter> filters(
      List<FilterSpec> specs,
      PathChecker checker,
      Optional<ObjectDescription> object,
      Map<String, FieldDescription> start) {
    List<Filter> out = new ArrayList<>();
    for (FilterSpec f : specs) {
      try {
        HostPath path = HostPath.parse(f.field());
        if (object.isPresent() || start != null) {
          checker.check(path, object.orElse(null), start, f.where());
        }
        boolean present = f.op().equals("present") && Boolean.parseBoolean(f.values().get(0));
        out.add(new Filter(path, f.op(), Set.copyOf(f.values()), present, f.describe()));
      } catch (IllegalArgumentException e) {
        problems.error(f.where(), "filter field '" + f.field() + "': " + e.getMessage());
      }
    }
    return out;
  }

  private void checkPath(
      PathChecker checker,
      String text,
      Optional<ObjectDescription> object,
      Map<String, FieldDescription> start,
      Where where) {
    try {
      HostPath path = HostPath.parse(text);
      if (object.isPresent()) {
        checker.check(path, object.get(), start, where);
      }
    } catch (IllegalArgumentException e) {
      problems.error(where, "host path '" + text + "': " + e.getMessage());
    }
  }

  /** Reports required canonical fields no inbound rule names (a broken rule still names one). */
  private void requireFields(MappingSpec spec, CanonicalSchema schema) {
    Set<String> filled = new HashSet<>();
    for (RuleSpec r : spec.rules()) {
      if (r.canonical() != null && (r.direction() == null || r.direction().inbound())) {
        filled.add(r.canonical().name());
      }
    }
    List<String> missing = new ArrayList<>();
    for (CanonicalField f : schema.fields()) {
      if (f.required() && !filled.contains(f.name())) {
        missing.add(f.name());
      }
    }
    if (spec.entity() == EntityType.CONTACT
        && !filled.contains("firstName")
        && !filled.contains("lastName")) {
      missing.add("firstName or lastName");
    }
    if (!missing.isEmpty()) {
      problems.error(
          spec.where(),
          "missing rule for required canonical field"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + " of "
              + schema.name());
    }
  }

  private static Class<?> recordType(EntityType entity) {
    return switch (entity) {
      case PARTY -> Party.class;
      case CONTACT -> Contact.class;
      case INVOICE -> Invoice.class;
      case PAYMENT -> Payment.class;
      case ACTIVITY -> Activity.class;
    };
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  static String shortFile(String file) {
    String f = file.replace('\\', '/');
    int slash = f.lastIndexOf('/');
    int prev = slash > 0 ? f.lastIndexOf('/', slash - 1) : -1;
    return prev >= 0 ? f.substring(prev + 1) : f;
  }
}
