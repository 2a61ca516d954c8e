package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/**
 * {@code boolean}: true or false. Reads JSON booleans and the words in {@code true} / {@code false}
 * (default {@code true, yes, y, 1} and {@code false, no, n, 0}, any case); anything else fails.
 */
final class BooleanTransform implements Transform {
  static final Set<String> TRUE = Set.of("true", "yes", "y", "1");
  static final Set<String> FALSE = Set.of("false", "no", "n", "0");

  private final Set<String> yes;
  private final Set<String> no;

  BooleanTransform(Set<String> yes, Set<String> no) {
    this.yes = yes;
    this.no = no;
  }

  @Override
  public String name() {
    return "boolean";
  }

  @Override
  public Object read(JsonNode[] values, RecordContext ctx) throws TransformFailure {
    String t = Transform.text(values[0]);
    if (t == null) {
      return null;
    }
    String key = t.strip().toLowerCase(Locale.ROOT);
    if (yes.contains(key)) {
      return Boolean.TRUE;
    }
    if (no.contains(key)) {
      return Boolean.FALSE;
    }
    throw new TransformFailure(t, "not a yes/no value (expected one of " + yes + " or " + no + ")");
  }

  @Override
  public JsonNode write(Object value, RecordContext ctx) {
    return JSON.booleanNode(Boolean.TRUE.equals(value) || "true".equals(value));
  }
}
