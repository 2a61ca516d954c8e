package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * {@code map}: a table from host values to canonical values, with a required {@code default} for a
 * host value the table does not name (used with a warning, so a new picklist value in the host
 * never stops a sync). Written back through the reverse table: the first host value that maps to
 * the canonical value, or else the host value of the default.
 */
final class ValueMapTransform implements Transform {
  private final Map<String, Object> forward;
  private final Map<Object, String> reverse;
  private final Object fallback;
  private final boolean ignoreCase;
  private final String label;

  ValueMapTransform(
      Map<String, Object> forward,
      Map<Object, String> reverse,
      Object fallback,
      boolean ignoreCase,
      String label) {
    this.forward = forward;
    this.reverse = reverse;
    this.fallback = fallback;
    this.ignoreCase = ignoreCase;
    this.label = label;
  }

  /** How a canonical value is found in the reverse table: an enum by its name. */
  static Object key(Object canonical) {
    return canonical instanceof Enum<?> e ? e.name() : canonical;
  }

  @Override
  public String name() {
    return "map";
  }

  @Override
  public Object read(JsonNode[] values, RecordContext ctx) throws TransformFailure {
    String t = Transform.text(values[0]);
    if (t == null) {
      return null;
    }
    String key = ignoreCase ? t.strip().toLowerCase(Locale.ROOT) : t.strip();
    Object v = forward.get(key);
    if (v != null) {
      return v;
    }
    ctx.warn(label + ": unknown value '" + t + "', used the default " + fallback);
    return fallback;
  }

  @Override
  public JsonNode write(Object value, RecordContext ctx) throws TransformFailure {
    String host = reverse.get(key(value));
    if (host == null) {
      host = reverse.get(key(fallback));
    }
    if (host == null) {
      throw new TransformFailure(String.valueOf(value), "the value map has no host value for it");
    }
    return JSON.textNode(host);
  }
}
