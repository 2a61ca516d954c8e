package io.dunhub.hub.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what shapes the notices the hub sends and how it retries them: {@code publicUrl} (where the
 * links in notices point), {@code brand} and {@code outbox} (the retry policy). Every problem is
 * reported at its line; a section with problems falls back to its defaults.
 */
final class NoticeSettingsReader {

  static final List<String> BRAND_KEYS =
      List.of("name", "logoUrl", "primaryColour", "accentColour", "replyTo", "footer");
  static final List<String> OUTBOX_KEYS = List.of("maxAttempts", "backoff");
  static final List<String> BACKOFF_KEYS = List.of("first", "max");

  private static final Pattern COLOUR = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
  private static final int MAX_FOOTER = 500;

  private NoticeSettingsReader() {}

  /** {@code publicUrl}: an http(s) URL without query or fragment. */
  static Optional<URI> publicUrl(ConfigValue node) {
    if (node == null) {
      return Optional.empty();
    }
    return node.requiredText()
        .flatMap(
            text -> {
              Optional<URI> uri = webUrl(node, text.strip());
              if (uri.isPresent()
                  && (uri.get().getRawQuery() != null || uri.get().getRawFragment() != null)) {
                node.problem(
                    "must be the hub's base URL, without '?…' or '#…', got '" + text + "'");
                return Optional.empty();
              }
              return uri;
            });
  }

  static BrandConfig brand(ConfigValue node) {
    if (node == null) {
      return BrandConfig.defaults();
    }
    Map<String, ConfigValue> e = node.entries(BRAND_KEYS);
    String name =
        Optional.ofNullable(e.get("name"))
            .flatMap(ConfigValue::requiredText)
            .map(String::strip)
            .orElse(BrandConfig.DEFAULT_NAME);
    String primary = colour(e.get("primaryColour")).orElse(BrandConfig.DEFAULT_PRIMARY);
    String accent = colour(e.get("accentColour")).orElse(BrandConfig.DEFAULT_ACCENT);
    Optional<String> logo =
        Optional.ofNullable(e.get("logoUrl"))
            .flatMap(v -> v.requiredText().flatMap(t -> webUrl(v, t.strip())))
            .map(URI::toString);
    Optional<String> replyTo =
        Optional.ofNullable(e.get("replyTo"))
            .flatMap(
                v ->
                    v.requiredText()
                        .map(String::strip)
                        .filter(
                            t -> {
                              boolean ok = EMAIL.matcher(t).matches();
                              if (!ok) {
                                v.problem("must be an email address, got '" + t + "'");
                              }
                              return ok;
                            }));
    Optional<String> footer =
        Optional.ofNullable(e.get("footer"))
            .flatMap(
                v ->
                    v.requiredText()
                        .map(String::strip)
                        .filter(
                            t -> {
                              boolean ok = t.length() <= MAX_FOOTER;
                              if (!ok) {
                                v.problem(
                                    "is "
                                        + t.length()
                                        + " characters long; keep it under "
                                        + MAX_FOOTER);
                              }
                              return ok;
                            }));
    return new BrandConfig(name, primary, accent, logo, replyTo, footer);
  }

  static OutboxConfig outbox(ConfigValue node) {
    OutboxConfig defaults = OutboxConfig.defaults();
    if (node == null) {
      return defaults;
    }
    Map<String, ConfigValue> e = node.entries(OUTBOX_KEYS);
    int attempts =
        Optional.ofNullable(e.get("maxAttempts"))
            .flatMap(v -> v.integer(1, 100))
            .orElse(defaults.maxAttempts());
    Duration first = defaults.first();
    Duration max = defaults.max();
    ConfigValue backoff = e.get("backoff");
    if (backoff != null) {
      Map<String, ConfigValue> b = backoff.entries(BACKOFF_KEYS);
      first = Optional.ofNullable(b.get("first")).flatMap(v -> duration(v)).orElse(first);
      max = Optional.ofNullable(b.get("max")).flatMap(v -> duration(v)).orElse(max);
      if (max.compareTo(first) < 0) {
        (b.containsKey("max") ? b.get("max") : backoff)
            .problem("the longest wait (max) must not be shorter than the first one (first)");
        max = first;
      }
    }
    return new OutboxConfig(attempts, first, max);
  }

  /** A duration written {@code 30s}, {@code 5m}, {@code 6h} or {@code 1d}; at least one second. */
  static Optional<Duration> duration(ConfigValue v) {
    Optional<String> text = v.requiredText();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = DURATION.matcher(text.get().strip());
    if (!m.matches()) {
      v.problem("must be a duration such as 30s, 5m, 6h or 1d, got '" + text.get() + "'");
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
    if (d.isZero()) {
      v.problem("must be at least 1s");
      return Optional.empty();
    }
    return Optional.of(d);
  }

  private static Optional<String> colour(ConfigValue v) {
    if (v == null) {
      return Optional.empty();
    }
    return v.requiredText()
        .map(String::strip)
        .filter(
            t -> {
              boolean ok = COLOUR.matcher(t).matches();
              if (!ok) {
                v.problem(
                    "must be a hex colour such as \"#0b5394\" (quote it in YAML), got '" + t + "'");
              }
              return ok;
            });
  }

  private static Optional<URI> webUrl(ConfigValue v, String text) {
    try {
      URI uri = new URI(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    v.problem("must be an http(s) URL, got '" + text + "'");
    return Optional.empty();
  }
}
