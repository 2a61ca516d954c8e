package io.dunhub.core.mapping.internal;

import io.dunhub.core.mapping.internal.Specs.MappingSpec;
import io.dunhub.core.mapping.internal.Specs.Merge;
import io.dunhub.core.mapping.internal.Specs.Named;
import io.dunhub.core.mapping.internal.Specs.RuleSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Combines a default mapping with the user's file for the same system and object. With {@code
 * merge: replace} the user file stands alone. With {@code merge: extend} (the default) the user's
 * top-level settings replace the default's where written, a user rule replaces the default rule for
 * the same canonical field (or, for a constant, the same host field), other user rules are added,
 * and {@code remove} drops default rules by canonical field.
 */
final class SpecMerger {
  private SpecMerger() {}

  static MappingSpec merge(MappingSpec base, MappingSpec user, Problems problems) {
    if (user.merge() == Merge.REPLACE) {
      return user;
    }
    Set<String> removed = user.remove().stream().map(Named::name).collect(Collectors.toSet());
    for (Named r : user.remove()) {
      boolean known =
          base.rules().stream()
              .anyMatch(b -> b.canonical() != null && b.canonical().name().equals(r.name()));
      if (!known) {
        problems.warning(
            r.where(), "remove: the default mapping has no rule for '" + r.name() + "'");
      }
    }
    Map<String, RuleSpec> rules = new LinkedHashMap<>();
    for (RuleSpec r : base.rules()) {
      if (r.canonical() == null || !removed.contains(r.canonical().name())) {
        rules.put(identity(r), r);
      }
    }
    for (RuleSpec r : user.rules()) {
      rules.put(identity(r), r);
    }
    Set<String> p = user.present();
    return new MappingSpec(
        user.file(),
        user.where(),
        user.system(),
        user.object(),
        user.entity(),
        p.contains("direction") ? user.direction() : base.direction(),
        p.contains("enabled") ? user.enabled() : base.enabled(),
        Merge.EXTEND,
        List.of(),
        p.contains("key") ? user.key() : base.key(),
        p.contains("cursor") ? user.cursor() : base.cursor(),
        p.contains("filters") ? user.filters() : base.filters(),
        new ArrayList<>(rules.values()),
        user.present());
  }

  /** What makes two rules "the same rule" across files. */
  private static String identity(RuleSpec r) {
    if (r.canonical() != null) {
      return "canonical:" + r.canonical().name();
    }
    return "host:" + r.hosts().stream().map(Named::name).collect(Collectors.joining(","));
  }
}
