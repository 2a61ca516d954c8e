package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Locale;

/**
 * {@code text}: the host value as text, trimmed unless {@code trim: false}, optionally upper- or
 * lower-cased ({@code case: upper}). A blank string counts as no value. The default for text, enum,
 * zone and locale fields.
 */
final class TextTransform implements Transform {
  private final boolean trim;
  private final String letterCase;

  TextTransform(boolean trim, String letterCase) {
    this.trim = trim;
    this.letterCase = letterCase;
  }

  @Override
  public String name() {
    return "text";
  }

  @Override
  public java.util.Set<io.dunhub.core.mapping.FieldType> accepts() {
    java.util.Set<io.dunhub.core.mapping.FieldType> types = new java.util.HashSet<>(SCALARS);
    types.add(io.dunhub.core.mapping.FieldType.ARRAY);
    return types;
  }

  @Override
  public Object read(JsonNode[] values, RecordContext ctx) throws TransformFailure {
    if (values[0] != null && values[0].isArray()) {
      java.util.List<String> items = new java.util.ArrayList<>();
      for (JsonNode item : values[0]) {
        String t = Transform.text(item);
        if (t != null) {
          items.add(shape(t));
        }
      }
      return items.isEmpty() ? null : items;
    }
    String t = Transform.text(values[0]);
    return t == null ? null : shape(t);
  }

  private String shape(String t) {
    String s = trim ? t.strip() : t;
    if ("upper".equals(letterCase)) {
      return s.toUpperCase(Locale.ROOT);
    }
    return "lower".equals(letterCase) ? s.toLowerCase(Locale.ROOT) : s;
  }

  @Override
  public JsonNode write(Object value, RecordContext ctx) {
    if (value instanceof Boolean b) {
      return JSON.booleanNode(b);
    }
    if (value instanceof Collection<?> c) {
      return JSON.textNode(String.join(";", c.stream().map(Object::toString).toList()));
    }
    return JSON.textNode(shape(value.toString()));
  }
}
