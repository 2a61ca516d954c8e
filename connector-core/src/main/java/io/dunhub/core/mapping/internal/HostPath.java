package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled host field path: {@code Name}, {@code CustomerRef.value}, {@code Account.Owner.Email},
 * {@code Line[0].Amount}, {@code apply.items[]} (every element), {@code CustomField[Name=Tier]
 * .StringValue} (the element whose {@code Name} is {@code Tier}). Parsed once at load; reading a
 * record only walks the steps.
 */
public final class HostPath {

  /** One step of a path. */
  sealed interface Step permits Field, Index, Each, Select {}

  record Field(String name) implements Step {}

  record Index(int index) implements Step {}

  record Each() implements Step {}

  record Select(String key, String value) implements Step {}

  private final String text;
  private final Step[] steps;

  private HostPath(String text, Step[] steps) {
    this.text = text;
    this.steps = steps;
  }

  /**
   * Parses a path.
   *
   * @throws IllegalArgumentException with a message naming what is wrong
   */
  public static HostPath parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a host path must not be blank");
    }
    List<Step> steps = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int start = i;
      while (i < n && text.charAt(i) != '.' && text.charAt(i) != '[') {
        i++;
      }
      String name = text.substring(start, i).strip();
      if (name.isEmpty()) {
        throw new IllegalArgumentException("empty field name at position " + (start + 1));
      }
      steps.add(new Field(name));
      while (i < n && text.charAt(i) == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("'[' at position " + (i + 1) + " is not closed");
        }
        String inside = text.substring(i + 1, close).strip();
        if (inside.isEmpty()) {
          steps.add(new Each());
        } else if (inside.chars().allMatch(Character::isDigit)) {
          steps.add(new Index(Integer.parseInt(inside)));
        } else {
          int eq = inside.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException(
                "[" + inside + "] must be an index ([0]), [] for every element, or [Field=value]");
          }
          steps.add(new Select(inside.substring(0, eq).strip(), inside.substring(eq + 1).strip()));
        }
        i = close + 1;
      }
      if (i < n) {
        if (text.charAt(i) != '.') {
          throw new IllegalArgumentException("unexpected '" + text.charAt(i) + "' at " + (i + 1));
        }
        i++;
        if (i == n) {
          throw new IllegalArgumentException("a path must not end with '.'");
        }
      }
    }
    return new HostPath(text, steps.toArray(Step[]::new));
  }

  List<Step> steps() {
    return List.of(steps);
  }

  /** Whether the path has a {@code []} step (it names a list of elements). */
  public boolean iterates() {
    for (Step s : steps) {
      if (s instanceof Each) {
        return true;
      }
    }
    return false;
  }

  /** The value at this path, or null when any step is missing or a JSON null. */
  public JsonNode read(JsonNode root) {
    JsonNode cur = root;
    for (Step step : steps) {
      if (cur == null || cur.isNull() || cur.isMissingNode()) {
        return null;
      }
      if (step instanceof Field f) {
        cur = cur.get(f.name());
      } else if (step instanceof Index ix) {
        cur = cur.isArray() ? cur.get(ix.index()) : null;
      } else if (step instanceof Select sel) {
        cur = select(cur, sel);
      } else {
        return null;
      }
    }
    return cur == null || cur.isNull() || cur.isMissingNode() ? null : cur;
  }

  /** Every element a path with one {@code []} step reaches (empty when any step is missing). */
  public List<JsonNode> readAll(JsonNode root) {
    List<JsonNode> out = new ArrayList<>();
    collect(root, 0, out);
    return out;
  }

  private void collect(JsonNode cur, int from, List<JsonNode> out) {
    for (int i = from; i < steps.length; i++) {
      if (cur == null || cur.isNull() || cur.isMissingNode()) {
        return;
      }
      Step step = steps[i];
      if (step instanceof Field f) {
        cur = cur.get(f.name());
      } else if (step instanceof Index ix) {
        cur = cur.isArray() ? cur.get(ix.index()) : null;
      } else if (step instanceof Select sel) {
        cur = select(cur, sel);
      } else {
        if (cur.isArray()) {
          for (JsonNode e : cur) {
            collect(e, i + 1, out);
          }
        }
        return;
      }
    }
    if (cur != null && !cur.isNull() && !cur.isMissingNode()) {
      out.add(cur);
    }
  }

  private static JsonNode select(JsonNode cur, Select sel) {
    if (!cur.isArray()) {
      return null;
    }
    for (JsonNode e : cur) {
      JsonNode k = e.get(sel.key());
      if (k != null && sel.value().equals(k.asText())) {
        return e;
      }
    }
    return null;
  }

  /**
   * Writes {@code value} at this path, creating objects and list elements on the way ({@code
   * CustomerRef.value} becomes {@code {"CustomerRef": {"value": ...}}}; {@code
   * CustomField[Name=Tier].StringValue} adds an element with {@code Name: Tier}).
   */
  public void write(ObjectNode root, JsonNode value) {
    JsonNode cur = root;
    for (int i = 0; i < steps.length; i++) {
      Step step = steps[i];
      boolean last = i == steps.length - 1;
      Step next = last ? null : steps[i + 1];
      if (step instanceof Field f) {
        ObjectNode obj = (ObjectNode) cur;
        if (last) {
          obj.set(f.name(), value);
          return;
        }
        JsonNode child = obj.get(f.name());
        boolean wantArray = !(next instanceof Field);
        if (child == null || child.isNull() || child.isArray() != wantArray) {
          child = wantArray ? obj.putArray(f.name()) : obj.putObject(f.name());
        }
        cur = child;
      } else if (step instanceof Index ix) {
        ArrayNode arr = (ArrayNode) cur;
        while (arr.size() <= ix.index()) {
          arr.addObject();
        }
        if (last) {
          arr.set(ix.index(), value);
          return;
        }
        cur = arr.get(ix.index());
      } else if (step instanceof Select sel) {
        ArrayNode arr = (ArrayNode) cur;
        JsonNode found = select(arr, sel);
        if (found == null) {
          found = arr.addObject().put(sel.key(), sel.value());
        }
        cur = found;
      } else {
        throw new IllegalStateException("cannot write through [] in " + text);
      }
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
