package io.dunhub.hub.dunning.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The policies shipped with Dunhub ({@code policies/*.yaml} on the classpath). */
public final class BundledPolicies {

  /** The shipped policy files. */
  public static final List<String> FILES = List.of("default.yaml", "eu-b2b.yaml");

  private BundledPolicies() {}

  /** The shipped files as (name → YAML text). */
  public static Map<String, String> sources() {
    Map<String, String> sources = new LinkedHashMap<>();
    for (String file : FILES) {
      try (InputStream in = BundledPolicies.class.getResourceAsStream("/policies/" + file)) {
        if (in == null) {
          throw new IllegalStateException("missing bundled policy policies/" + file);
        }
        sources.put("policies/" + file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sources;
  }

  public static PolicySet load(Predicate<String> templateExists) {
    return new PolicyLoader(templateExists).load(sources());
  }
}
