package io.dunhub.hub.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Reads samples out of a Prometheus text exposition, the way a scraper would. */
final class PrometheusText {

  record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples = new ArrayList<>();

  PrometheusText(String text) {
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      String name;
      Map<String, String> labels = new LinkedHashMap<>();
      if (brace > 0 && brace < space) {
        name = line.substring(0, brace);
        String body = line.substring(brace + 1, line.lastIndexOf('}'));
        for (String pair : body.split("\",")) {
          if (pair.isBlank()) {
            continue;
          }
          int eq = pair.indexOf('=');
          String value = pair.substring(eq + 1).replaceAll("^\"|\"$", "");
          labels.put(pair.substring(0, eq), value);
        }
      } else {
        name = line.substring(0, space);
      }
      String raw = line.substring(space + 1);
      double value =
          switch (raw) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(raw);
          };
      samples.add(new Sample(name, labels, value));
    }
  }

  /** The value of the one sample named {@code name} whose labels include {@code labels}. */
  OptionalDouble value(String name, Map<String, String> labels) {
    List<Sample> found =
        samples.stream()
            .filter(s -> s.name().equals(name))
            .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
            .toList();
    if (found.size() > 1) {
      throw new AssertionError("more than one sample of " + name + labels + ": " + found);
    }
    return found.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(found.get(0).value());
  }

  double require(String name, Map<String, String> labels) {
    return value(name, labels)
        .orElseThrow(() -> new AssertionError("no sample " + name + labels + " in\n" + samples));
  }
}
