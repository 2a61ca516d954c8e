package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.mapping.Direction;
import io.dunhub.core.mapping.Lookups;
import io.dunhub.core.mapping.Mapping;
import io.dunhub.core.mapping.MappingException;
import io.dunhub.core.mapping.MappingResult;
import io.dunhub.core.model.EntityType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping compiled from one file into arrays of {@link CompiledRule}s. Mapping a record walks the
 * rules once: no reflection, no path parsing, no map lookups by field name.
 */
final class RuleMapping implements Mapping {
  private final String system;
  private final String object;
  private final EntityType entity;
  private final String file;
  private final Direction direction;
  private final boolean enabled;
  private final String key;
  private final List<String> cursor;
  private final Filter[] filters;
  private final CompiledRule[] inbound;
  private final CompiledRule[] outbound;
  private final CanonicalSchema schema;
  private final Class<?> recordType;
  private final Map<String, String> owners;

  RuleMapping(
      String system,
      String object,
      EntityType entity,
      String file,
      Direction direction,
      boolean enabled,
      String key,
      List<String> cursor,
      List<Filter> filters,
      List<CompiledRule> rules,
      Class<?> recordType) {
    this.system = system;
    this.object = object;
    this.entity = entity;
    this.file = file;
    this.direction = direction;
    this.enabled = enabled;
    this.key = key;
    this.cursor = List.copyOf(cursor);
    this.filters = filters.toArray(Filter[]::new);
    this.inbound =
        rules.stream()
            .filter(r -> r.direction.inbound() && r.field != null)
            .toArray(CompiledRule[]::new);
    this.outbound = rules.stream().filter(r -> r.direction.outbound()).toArray(CompiledRule[]::new);
    this.schema = CanonicalSchema.of(entity);
    this.recordType = recordType;
    Map<String, String> o = new LinkedHashMap<>();
    for (CompiledRule r : rules) {
      if (r.field != null) {
        o.put(r.field.name(), r.owner);
      }
    }
    this.owners = java.util.Collections.unmodifiableMap(o);
  }

  @Override
  public MappingResult toCanonical(SourceRecord record, String connection, Lookups lookups) {
    for (Filter f : filters) {
      if (!f.test(record.raw())) {
        return new MappingResult.Skipped("filtered out: not " + f.description());
      }
    }
    RecordContext ctx = new RecordContext(record.raw(), connection, lookups);
    Object[] slots = new Object[schema.slots()];
    Map<String, String> attributes = null;
    for (CompiledRule rule : inbound) {
      Object v;
      try {
        v = rule.read(record.raw(), ctx);
      } catch (TransformFailure f) {
        return new MappingResult.Failed(rule.label, f.value(), f.getMessage());
      }
      if (v == null) {
        continue;
      }
      if (rule.attributeKey != null) {
        if (attributes == null) {
          attributes = new LinkedHashMap<>();
          slots[schema.attributesSlot()] = attributes;
        }
        attributes.put(rule.attributeKey, v.toString());
      } else {
        slots[rule.field.slot()] = v;
      }
    }
    try {
      return new MappingResult.Mapped(schema.build(slots), ctx.warnings());
    } catch (IllegalArgumentException e) {
      return new MappingResult.Failed(
          schema.name() + " (" + file + ")", record.hostId(), e.getMessage());
    }
  }

  @Override
  public ObjectNode toHost(Object canonical, String connection, Lookups lookups) {
    if (!recordType.isInstance(canonical)) {
      throw new MappingException(
          schema.name() + " (" + file + ")",
          String.valueOf(canonical),
          "expected a " + recordType.getSimpleName());
    }
    ObjectNode out = Transform.JSON.objectNode();
    RecordContext ctx = new RecordContext(null, connection, lookups);
    for (CompiledRule rule : outbound) {
      try {
        rule.write(canonical, out, ctx);
      } catch (TransformFailure f) {
        throw new MappingException(rule.label, f.value(), f.getMessage());
      }
    }
    return out;
  }

  @Override
  public String hostObject() {
    return object;
  }

  @Override
  public EntityType entity() {
    return entity;
  }

  @Override
  public String system() {
    return system;
  }

  @Override
  public String file() {
    return file;
  }

  @Override
  public Direction direction() {
    return direction;
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public List<String> cursor() {
    return cursor;
  }

  @Override
  public Map<String, String> owners() {
    return owners;
  }

  @Override
  public List<String> filters() {
    return java.util.Arrays.stream(filters).map(Filter::description).toList();
  }

  @Override
  public String toString() {
    return system
        + "/"
        + object
        + " → "
        + entity.name().toLowerCase(java.util.Locale.ROOT)
        + " ("
        + file
        + ")";
  }
}
