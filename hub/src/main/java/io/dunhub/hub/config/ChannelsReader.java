package io.dunhub.hub.config;

import io.dunhub.core.secret.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code channels}: the SMTP server for email and the HTTP provider for SMS. */
final class ChannelsReader {

  private static final List<String> KEYS = List.of("email", "sms");
  private static final List<String> SMTP_KEYS =
      List.of("host", "port", "security", "username", "password", "from");
  private static final List<String> SMS_KEYS = List.of("baseUrl", "account", "token", "from");

  private final Mode mode;

  ChannelsReader(Mode mode) {
    this.mode = mode;
  }

  ChannelsConfig read(ConfigValue node) {
    if (node == null) {
      return ChannelsConfig.none();
    }
    Map<String, ConfigValue> entries = node.entries(KEYS);
    return new ChannelsConfig(
        Optional.ofNullable(entries.get("email")).flatMap(this::smtp),
        Optional.ofNullable(entries.get("sms")).flatMap(this::sms));
  }

  private Optional<ChannelsConfig.Smtp> smtp(ConfigValue node) {
    Map<String, ConfigValue> e = node.entries(SMTP_KEYS);
    if (!node.isMapping()) {
      return Optional.empty();
    }
    Optional<String> host = text(node, e, "host");
    ChannelsConfig.Security security =
        Optional.ofNullable(e.get("security"))
            .flatMap(v -> v.oneOf(ChannelsConfig.Security.class))
            .orElse(ChannelsConfig.Security.STARTTLS);
    int defaultPort =
        switch (security) {
          case STARTTLS -> 587;
          case SSL -> 465;
          case NONE -> 25;
        };
    Optional<Integer> port =
        e.containsKey("port") ? e.get("port").integer(1, 65535) : Optional.of(defaultPort);
    Optional<String> username =
        Optional.ofNullable(e.get("username")).flatMap(ConfigValue::requiredText);
    Optional<Secret> password = Optional.ofNullable(e.get("password")).flatMap(this::secret);
    if (username.isPresent() != e.containsKey("password")) {
      node.problem("'username' and 'password' go together: set both for SMTP AUTH, or neither");
    }
    Optional<String> from = text(node, e, "from");
    from.ifPresent(
        f -> {
          try {
            new jakarta.mail.internet.InternetAddress(f, true);
          } catch (jakarta.mail.internet.AddressException x) {
            e.get("from")
                .problem(
                    "must be an email address such as ar@example.com or"
                        + " \"Accounts Receivable <ar@example.com>\", got '"
                        + f
                        + "' ("
                        + x.getMessage()
                        + ")");
          }
        });
    if (host.isEmpty() || port.isEmpty() || from.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ChannelsConfig.Smtp(host.get(), port.get(), security, username, password, from.get()));
  }

  private Optional<ChannelsConfig.Sms> sms(ConfigValue node) {
    Map<String, ConfigValue> e = node.entries(SMS_KEYS);
    if (!node.isMapping()) {
      return Optional.empty();
    }
    Optional<URI> baseUrl = text(node, e, "baseUrl").flatMap(u -> url(e.get("baseUrl"), u));
    Optional<String> account = text(node, e, "account");
    Optional<Secret> token = Optional.empty();
    if (e.containsKey("token")) {
      token = secret(e.get("token"));
    } else {
      node.problem("'token' is required");
    }
    Optional<String> from = text(node, e, "from");
    if (baseUrl.isEmpty() || account.isEmpty() || token.isEmpty() || from.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ChannelsConfig.Sms(baseUrl.get(), account.get(), token.get(), from.get()));
  }

  private Optional<Secret> secret(ConfigValue value) {
    Optional<Secret> secret = value.secret();
    if (secret.isPresent() && mode == Mode.PRODUCTION && !value.fromEnvironment()) {
      value.problem(SecretRules.WRITTEN_IN_FILE);
    }
    return secret;
  }

  static Optional<URI> url(ConfigValue value, String text) {
    try {
      URI uri = new URI(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    value.problem("must be an http(s) URL, got '" + text + "'");
    return Optional.empty();
  }

  private static Optional<String> text(
      ConfigValue parent, Map<String, ConfigValue> entries, String key) {
    ConfigValue value = entries.get(key);
    if (value == null) {
      parent.problem("'" + key + "' is required");
      return Optional.empty();
    }
    return value.requiredText();
  }
}
