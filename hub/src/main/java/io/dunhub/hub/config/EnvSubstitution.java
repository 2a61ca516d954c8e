package io.dunhub.hub.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in a config value with environment
 * variables; {@code $$} stands for a literal {@code $}. A variable that is not set and has no
 * default is a problem, reported by name (never by value).
 */
final class EnvSubstitution {

  /** The substituted text, whether any variable was used, and the problems found. */
  record Result(String value, boolean fromEnvironment, List<String> problems) {}

  private final EnvLookup env;

  EnvSubstitution(EnvLookup env) {
    this.env = env;
  }

  Result apply(String raw) {
    if (raw.indexOf('$') < 0) {
      return new Result(raw, false, List.of());
    }
    StringBuilder out = new StringBuilder(raw.length());
    List<String> problems = new ArrayList<>();
    boolean used = false;
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
        int end = raw.indexOf('}', i + 2);
        if (end < 0) {
          problems.add("unclosed '${' (write '$$' for a literal '$')");
          out.append(raw, i, raw.length());
          break;
        }
        String expression = raw.substring(i + 2, end);
        int sep = expression.indexOf(":-");
        String name = sep < 0 ? expression : expression.substring(0, sep);
        Optional<String> fallback =
            sep < 0 ? Optional.empty() : Optional.of(expression.substring(sep + 2));
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          problems.add("'${" + name + "}' is not a valid environment variable name");
        } else {
          Optional<String> value = env.get(name).filter(v -> !v.isEmpty()).or(() -> fallback);
          if (value.isEmpty()) {
            problems.add(
                "environment variable "
                    + name
                    + " is not set (set it, or write ${"
                    + name
                    + ":-default})");
          } else {
            out.append(value.get());
            used = true;
          }
        }
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return new Result(out.toString(), used, problems);
  }
}
