package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code concat}: the texts of several host fields joined by {@code separator} (default one space),
 * skipping empty ones ({@code FirstName} + {@code LastName}). Cannot be written back.
 */
final class ConcatTransform implements Transform {
  private final String separator;

  ConcatTransform(String separator) {
    this.separator = separator;
  }

  @Override
  public String name() {
    return "concat";
  }

  @Override
  public int hostPaths() {
    return -1;
  }

  @Override
  public Object read(JsonNode[] values, RecordContext ctx) throws TransformFailure {
    StringBuilder out = new StringBuilder();
    for (JsonNode v : values) {
      String t = Transform.text(v);
      if (t != null) {
        if (out.length() > 0) {
          out.append(separator);
        }
        out.append(t.strip());
      }
    }
    return out.length() == 0 ? null : out.toString();
  }

  @Override
  public boolean writable() {
    return false;
  }

  @Override
  public JsonNode write(Object value, RecordContext ctx) throws TransformFailure {
    throw new TransformFailure(String.valueOf(value), "a concat cannot be written back");
  }
}
