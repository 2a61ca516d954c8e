package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code split}: a host text cut at {@code separator} (default {@code ;}, what Salesforce
 * multi-select picklists use), parts trimmed, empty parts dropped. With {@code index} it yields one
 * part (0 is the first; a negative index counts from the end); without, the list. A list is written
 * back joined; one part cannot be.
 */
final class SplitTransform implements Transform {
  private final String separator;
  private final Pattern pattern;
  private final Integer index;

  SplitTransform(String separator, Integer index) {
    this.separator = separator;
    this.pattern = Pattern.compile(Pattern.quote(separator));
    this.index = index;
  }

  @Override
  public String name() {
    return "split";
  }

  @Override
  public Object read(JsonNode[] values, RecordContext ctx) throws TransformFailure {
    String t = Transform.text(values[0]);
    if (t == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String p : pattern.split(t)) {
      if (!p.isBlank()) {
        parts.add(p.strip());
      }
    }
    if (index == null) {
      return parts.isEmpty() ? null : parts;
    }
    int i = index < 0 ? parts.size() + index : index;
    return i >= 0 && i < parts.size() ? parts.get(i) : null;
  }

  @Override
  public boolean writable() {
    return index == null;
  }

  @Override
  public JsonNode write(Object value, RecordContext ctx) throws TransformFailure {
    if (index != null) {
      throw new TransformFailure(
          String.valueOf(value), "one part of a split cannot be written back");
    }
    if (value instanceof Collection<?> c) {
      return JSON.textNode(String.join(separator, c.stream().map(Object::toString).toList()));
    }
    return JSON.textNode(value.toString());
  }
}
