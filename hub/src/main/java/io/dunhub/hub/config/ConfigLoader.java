package io.dunhub.hub.config;

import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads and validates {@code dunhub.yml}. One pass finds every problem — YAML syntax, unknown keys
 * (with a suggestion), missing environment variables, values of the wrong shape, and each
 * connection's settings as its connector judges them — and reports each with file, line, column and
 * key path.
 */
public final class ConfigLoader {

  /** Variables the hub reads the secret key from when the config names none. */
  static final List<String> KEY_VARIABLES = List.of("DUNHUB_SECRET_KEY", "DUNHUB_SECRET_KEY_FILE");

  static final List<String> KEYS =
      List.of(
          "mode",
          "http",
          "store",
          "secretKey",
          "connections",
          "ownership",
          "mappings",
          "policies",
          "channels",
          "schedules",
          "publicUrl",
          "brand",
          "outbox",
          "admin");

  private final EnvLookup env;
  private final Map<String, HostConnector> connectors;

  /**
   * @param connectors the registered connectors by type id; each validates its connections
   */
  public ConfigLoader(EnvLookup env, Map<String, HostConnector> connectors) {
    this.env = env;
    this.connectors = Map.copyOf(connectors);
  }

  /**
   * The validated configuration.
   *
   * @throws ConfigException with every problem when there is any
   */
  public HubConfig load(Path file) {
    Problems problems = new Problems(file);
    HubConfig config = read(file, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.sorted());
    }
    return config;
  }

  /** Every problem in the file, in file order; empty when it is valid. */
  public List<ConfigError> validate(Path file) {
    Problems problems = new Problems(file);
    read(file, problems);
    return problems.sorted();
  }

  private HubConfig read(Path file, Problems problems) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      problems.at(Optional.empty(), "", "no such file (pass --config FILE)");
      return null;
    } catch (IOException e) {
      problems.at(Optional.empty(), "", "cannot be read: " + e.getMessage());
      return null;
    }
    Optional<Node> root;
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      problems.at(e.getProblemMark(), "", "not valid YAML: " + e.getProblem());
      return null;
    } catch (YamlEngineException e) {
      problems.at(Optional.empty(), "", "not valid YAML: " + e.getMessage());
      return null;
    }
    if (root.isEmpty()) {
      problems.at(Optional.empty(), "", "is empty; see examples/dunhub.yml");
      return null;
    }
    ConfigValue top = new ConfigValue(root.get(), "", problems, new EnvSubstitution(env));
    Map<String, ConfigValue> entries = top.entries(KEYS);
    if (!top.isMapping()) {
      return null;
    }
    Path base = file.toAbsolutePath().getParent();
    Mode mode =
        Optional.ofNullable(entries.get("mode"))
            .flatMap(v -> v.oneOf(Mode.class))
            .orElse(Mode.PRODUCTION);
    HttpConfig http = http(entries.get("http"));
    StoreConfig store = new StoreReader(base, mode).read(entries.get("store"));
    SecretKeySource secretKey = secretKey(top, entries.get("secretKey"), mode, base);
    List<ConnectionConfig> connections =
        entries.containsKey("connections")
            ? new ConnectionsReader(connectors, mode).read(entries.get("connections"))
            : List.of();
    Set<String> names =
        connections.stream().map(ConnectionConfig::name).collect(Collectors.toSet());
    OwnershipConfig ownership = new OwnershipReader(names).read(entries.get("ownership"));
    Optional<Path> mappings = directory(entries.get("mappings"), base);
    Optional<Path> policies = directory(entries.get("policies"), base);
    ChannelsConfig channels = new ChannelsReader(mode).read(entries.get("channels"));
    SchedulesConfig schedules = schedules(entries.get("schedules"));
    Optional<java.net.URI> publicUrl = NoticeSettingsReader.publicUrl(entries.get("publicUrl"));
    BrandConfig brand = NoticeSettingsReader.brand(entries.get("brand"));
    OutboxConfig outbox = NoticeSettingsReader.outbox(entries.get("outbox"));
    AdminConfig admin = new AdminReader(mode).read(entries.get("admin"));
    return new HubConfig(
        file,
        mode,
        store,
        secretKey,
        connections,
        ownership,
        mappings,
        policies,
        channels,
        schedules,
        http,
        publicUrl,
        brand,
        outbox,
        admin);
  }

  private static HttpConfig http(ConfigValue node) {
    if (node == null) {
      return new HttpConfig("0.0.0.0", 8080);
    }
    Map<String, ConfigValue> e = node.entries(List.of("host", "port"));
    String host =
        Optional.ofNullable(e.get("host")).flatMap(ConfigValue::requiredText).orElse("0.0.0.0");
    int port = Optional.ofNullable(e.get("port")).flatMap(v -> v.integer(0, 65535)).orElse(8080);
    return new HttpConfig(host, port);
  }

  private SecretKeySource secretKey(ConfigValue top, ConfigValue node, Mode mode, Path base) {
    if (node == null) {
      boolean inEnvironment = KEY_VARIABLES.stream().anyMatch(v -> env.get(v).isPresent());
      if (mode == Mode.PRODUCTION && !inEnvironment) {
        top.problemAtPath(
            "secretKey",
            "is required in production mode: write secretKey: ${DUNHUB_SECRET_KEY} (a base64"
                + " 256-bit key: openssl rand -base64 32) or secretKey: {file: /path/to/key}");
      }
      return SecretKeySource.fromEnvironment();
    }
    if (node.isMapping()) {
      Map<String, ConfigValue> e = node.entries(List.of("file"));
      if (!e.containsKey("file")) {
        node.problem("'file' is required (or write the key as ${ENV_VAR})");
        return SecretKeySource.fromEnvironment();
      }
      ConfigValue fileNode = e.get("file");
      Optional<Path> file = fileNode.requiredText().map(f -> base.resolve(f).normalize());
      if (file.isPresent() && !Files.isRegularFile(file.get())) {
        fileNode.problem("no such key file: " + file.get());
      }
      return new SecretKeySource(Optional.empty(), file);
    }
    Optional<Secret> key = node.secret();
    if (key.isPresent() && mode == Mode.PRODUCTION && !node.fromEnvironment()) {
      node.problem(SecretRules.WRITTEN_IN_FILE);
    }
    if (key.isPresent() && !isBase64Key(key.get())) {
      node.problem("must be a base64-encoded 256-bit key (make one with: openssl rand -base64 32)");
    }
    return new SecretKeySource(key, Optional.empty());
  }

  private static boolean isBase64Key(Secret key) {
    try {
      return java.util.Base64.getDecoder().decode(key.reveal().strip()).length == 32;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Optional<Path> directory(ConfigValue node, Path base) {
    if (node == null) {
      return Optional.empty();
    }
    Optional<Path> dir = node.requiredText().map(t -> base.resolve(t).normalize());
    if (dir.isPresent() && !Files.isDirectory(dir.get())) {
      node.problem("no such directory: " + dir.get());
      return Optional.empty();
    }
    return dir;
  }

  static final ScheduleSpec DEFAULT_DUNNING = new ScheduleSpec.Every(Duration.ofMinutes(15));
  static final ScheduleSpec DEFAULT_OUTBOX = new ScheduleSpec.Every(Duration.ofSeconds(10));

  private static SchedulesConfig schedules(ConfigValue node) {
    if (node == null) {
      return new SchedulesConfig(ZoneId.of("UTC"), DEFAULT_DUNNING, DEFAULT_OUTBOX);
    }
    Map<String, ConfigValue> e = node.entries(List.of("zone", "dunning", "outbox"));
    ZoneId zone = ZoneId.of("UTC");
    if (e.containsKey("zone")) {
      Optional<String> z = e.get("zone").requiredText();
      if (z.isPresent()) {
        try {
          zone = ZoneId.of(z.get().trim());
        } catch (DateTimeException ex) {
          e.get("zone").problem("'" + z.get() + "' is not a time zone (e.g. Europe/Paris, UTC)");
        }
      }
    }
    ScheduleSpec dunning =
        Optional.ofNullable(e.get("dunning")).flatMap(ScheduleParser::read).orElse(DEFAULT_DUNNING);
    ScheduleSpec outbox =
        Optional.ofNullable(e.get("outbox")).flatMap(ScheduleParser::read).orElse(DEFAULT_OUTBOX);
    return new SchedulesConfig(zone, dunning, outbox);
  }
}
