package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.mapping.Direction;
import io.dunhub.core.mapping.internal.CanonicalField.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** One field rule, compiled: paths parsed, transform built, default parsed. */
final class CompiledRule {
  final String label;
  final CanonicalField field;
  final String attributeKey;
  final HostPath[] paths;
  final Transform transform;
  final Coercer coercer;
  final Object defaultValue;
  final boolean required;
  final Direction direction;
  final String owner;

  /** For a list field: the host list, its element filters and the rules for each element. */
  final HostPath elements;

  final HostPath elementsTarget;
  final Filter[] where;
  final CompiledRule[] each;
  final CanonicalSchema elementSchema;

  CompiledRule(
      String label,
      CanonicalField field,
      HostPath[] paths,
      Transform transform,
      Object defaultValue,
      boolean required,
      Direction direction,
      String owner,
      HostPath elements,
      HostPath elementsTarget,
      Filter[] where,
      CompiledRule[] each,
      CanonicalSchema elementSchema) {
    this.label = label;
    this.field = field;
    this.attributeKey =
        field != null && field.kind() == Kind.ATTRIBUTE
            ? field.name().substring(CanonicalSchema.ATTRIBUTES.length() + 1)
            : null;
    this.paths = paths;
    this.transform = transform;
    this.coercer = field == null ? null : new Coercer(field);
    this.defaultValue = defaultValue;
    this.required = required;
    this.direction = direction;
    this.owner = owner;
    this.elements = elements;
    this.elementsTarget = elementsTarget;
    this.where = where;
    this.each = each;
    this.elementSchema = elementSchema;
  }

  /** The canonical value of this rule for one host record (or list element). */
  Object read(JsonNode base, RecordContext ctx) throws TransformFailure {
    if (each != null) {
      return readList(base, ctx);
    }
    JsonNode[] values = new JsonNode[paths.length];
    for (int i = 0; i < paths.length; i++) {
      values[i] = paths[i].read(base);
    }
    Object v = coercer.toCanonical(transform.read(values, ctx));
    if (v == null && defaultValue != null) {
      v =
          defaultValue instanceof BigDecimal amount && transform instanceof MoneyTransform money
              ? money.money(amount, ctx)
              : defaultValue;
    }
    if (v == null && required) {
      throw new TransformFailure(shown(values), "a value is required but the host has none");
    }
    return v;
  }

  private Object readList(JsonNode base, RecordContext ctx) throws TransformFailure {
    List<Object> out = new ArrayList<>();
    for (JsonNode element : elements.readAll(base)) {
      if (!passes(element)) {
        continue;
      }
      Object[] slots = new Object[elementSchema.slots()];
      for (CompiledRule r : each) {
        if (r.direction.inbound() && r.field != null) {
          slots[r.field.slot()] = r.read(element, ctx);
        }
      }
      try {
        out.add(elementSchema.build(slots));
      } catch (IllegalArgumentException e) {
        throw new TransformFailure(element.toString(), e.getMessage());
      }
    }
    return out;
  }

  private boolean passes(JsonNode element) {
    for (Filter f : where) {
      if (!f.test(element)) {
        return false;
      }
    }
    return true;
  }

  /** Writes this rule's host value for a canonical record (or list element). */
  void write(Object canonical, ObjectNode out, RecordContext ctx) throws TransformFailure {
    if (field == null) {
      paths[0].write(out, transform.write(null, ctx));
      return;
    }
    Object v = field.getter().apply(canonical);
    if (v instanceof Collection<?> c && c.isEmpty() || v instanceof Map<?, ?> m && m.isEmpty()) {
      v = null;
    }
    if (v == null && defaultValue != null && !(defaultValue instanceof BigDecimal)) {
      v = defaultValue;
    }
    if (v == null) {
      if (required) {
        throw new TransformFailure("", "a value is required but the record has none");
      }
      return;
    }
    if (each != null) {
      ArrayNode list = Transform.JSON.arrayNode();
      for (Object element : (Collection<?>) v) {
        ObjectNode e = list.addObject();
        for (CompiledRule r : each) {
          if (r.direction.outbound()) {
            r.write(element, e, ctx);
          }
        }
      }
      elementsTarget.write(out, list);
      return;
    }
    paths[0].write(out, transform.write(coercer.fromCanonical(v), ctx));
  }

  private static String shown(JsonNode[] values) {
    StringBuilder b = new StringBuilder();
    for (JsonNode v : values) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(v == null ? "" : v.isTextual() ? v.asText() : v.toString());
    }
    return b.toString();
  }
}
