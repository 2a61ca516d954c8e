package io.dunhub.core.mapping.internal;

import io.dunhub.core.mapping.Mapping;
import io.dunhub.core.mapping.MappingDocument;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.core.mapping.MappingSource;
import io.dunhub.core.mapping.ObjectDescription;
import io.dunhub.core.mapping.ObjectDescriptions;
import io.dunhub.core.mapping.internal.Specs.MappingSpec;
import io.dunhub.core.model.EntityType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Loads defaults and user files: parse, merge, check, compile. Used through MappingEngine. */
public final class Loader {
  private Loader() {}

  public static MappingSet load(
      MappingSource defaults, MappingSource user, ObjectDescriptions live) {
    Problems problems = new Problems();
    List<ObjectDescription> recorded = new ArrayList<>();
    for (MappingDocument d : concat(defaults.descriptions(), user.descriptions())) {
      DescriptionParser.parse(d, problems).ifPresent(recorded::add);
    }
    ObjectDescriptions descriptions = live.and(ObjectDescriptions.of(recorded));

    Map<String, MappingSpec> base = specs(defaults, problems);
    Map<String, MappingSpec> merged = new LinkedHashMap<>(base);
    for (Map.Entry<String, MappingSpec> e : specs(user, problems).entrySet()) {
      MappingSpec b = base.get(e.getKey());
      merged.put(
          e.getKey(), b == null ? e.getValue() : SpecMerger.merge(b, e.getValue(), problems));
    }

    Set<String> systems = new TreeSet<>();
    merged.values().forEach(s -> systems.add(s.system()));
    Compiler compiler =
        new Compiler(
            descriptions,
            problems,
            systems,
            system ->
                entity ->
                    merged.values().stream()
                        .filter(
                            s -> s.system().equals(system) && s.entity() == entity && s.enabled())
                        .map(MappingSpec::object)
                        .toList());
    List<Mapping> mappings = new ArrayList<>();
    for (MappingSpec spec : merged.values()) {
      compiler.compile(spec).ifPresent(mappings::add);
    }
    return new MappingSet(mappings, problems.all());
  }

  private static Map<String, MappingSpec> specs(MappingSource source, Problems problems) {
    Map<String, MappingSpec> out = new LinkedHashMap<>();
    for (MappingDocument doc : source.mappings()) {
      Optional<MappingSpec> spec = SpecParser.parse(doc, problems);
      if (spec.isEmpty()) {
        continue;
      }
      String key = spec.get().system() + "/" + spec.get().object();
      MappingSpec first = out.putIfAbsent(key, spec.get());
      if (first != null) {
        problems.error(
            spec.get().where(),
            "a second mapping of " + key + " (the first is " + first.file() + ")");
      }
    }
    return out;
  }

  private static List<MappingDocument> concat(List<MappingDocument> a, List<MappingDocument> b) {
    List<MappingDocument> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Whether an entity name is known (for callers that take one from the command line). */
  public static Optional<EntityType> entity(String name) {
    try {
      return Optional.of(EntityType.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
