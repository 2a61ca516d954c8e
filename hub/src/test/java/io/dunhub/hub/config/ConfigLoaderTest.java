package io.dunhub.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.memory.InMemoryConnector;
import io.dunhub.core.model.EntityType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  static final Map<String, HostConnector> CONNECTORS =
      Map.of(
          InMemoryConnector.ID, new InMemoryConnector(), VaultConnector.ID, new VaultConnector());
  static final Map<String, String> ENV =
      Map.of(
          "DUNHUB_DB_PASSWORD", "pg-pass-4242",
          "DUNHUB_SECRET_KEY", "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=",
          "BOOKS_TOKEN", "tok-books-777",
          "SMTP_PASSWORD", "smtp-pass-555",
          "SMS_TOKEN", "sms-tok-333");

  static Path fixture(String name) {
    try {
      return Path.of(ConfigLoaderTest.class.getResource("/config/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ConfigLoader loader(Map<String, String> env) {
    return new ConfigLoader(EnvLookup.of(env), CONNECTORS);
  }

  @Test
  void readsEverySectionOfAValidFile() {
    HubConfig config = loader(ENV).load(fixture("valid.yml"));

    assertThat(config.mode()).isEqualTo(Mode.PRODUCTION);
    assertThat(config.http().port()).isEqualTo(8089);
    assertThat(config.store()).isInstanceOf(StoreConfig.Postgres.class);
    StoreConfig.Postgres pg = (StoreConfig.Postgres) config.store();
    assertThat(pg.url()).isEqualTo("jdbc:postgresql://db.internal:5432/dunhub");
    assertThat(pg.password().reveal()).isEqualTo("pg-pass-4242");
    assertThat(config.secretKey().key().orElseThrow().reveal())
        .isEqualTo("q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=");

    assertThat(config.connections())
        .extracting(ConnectionConfig::name)
        .containsExactly("books", "crm");
    ConnectionConfig books = config.connection("books").orElseThrow();
    assertThat(books.line()).isEqualTo(12);
    assertThat(books.settings().get("host")).contains("books-host");
    assertThat(books.settings().get("region")).contains("eu");
    assertThat(books.settings().get("token")).isEmpty();
    assertThat(books.settings().secret("token").orElseThrow().reveal()).isEqualTo("tok-books-777");
    assertThat(books.sync().schedule()).isEqualTo(new ScheduleSpec.Every(Duration.ofMinutes(5)));
    assertThat(books.sync().streams()).containsExactly("Invoice", "Payment");
    assertThat(config.connection("crm").orElseThrow().sync().schedule())
        .isEqualTo(new ScheduleSpec.Cron("0 0/30 * * * *"));

    assertThat(config.ownership().ownerOf(EntityType.INVOICE, "dueDate")).contains("books");
    assertThat(config.ownership().ownerOf(EntityType.CONTACT, "email")).contains("crm");
    assertThat(config.ownership().ownerOf(EntityType.CONTACT, "name")).isEmpty();
    assertThat(config.ownership().matchKeys()).containsEntry(EntityType.CONTACT, List.of("email"));

    assertThat(config.mappingsDir()).contains(fixture("valid.yml").getParent().resolve("mappings"));
    assertThat(config.policiesDir()).isPresent();

    ChannelsConfig.Smtp smtp = config.channels().email().orElseThrow();
    assertThat(smtp.security()).isEqualTo(ChannelsConfig.Security.SSL);
    assertThat(smtp.port()).isEqualTo(465);
    assertThat(smtp.password().orElseThrow().reveal()).isEqualTo("smtp-pass-555");
    ChannelsConfig.Sms sms = config.channels().sms().orElseThrow();
    assertThat(sms.baseUrl()).isEqualTo(URI.create("https://sms.example.com/v1"));
    assertThat(sms.token().reveal()).isEqualTo("sms-tok-333");

    assertThat(config.schedules().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(config.schedules().dunning()).isEqualTo(new ScheduleSpec.Daily(LocalTime.of(6, 30)));
  }

  @Test
  void secretsNeverAppearInTheConfigsToString() {
    HubConfig config = loader(ENV).load(fixture("valid.yml"));

    String shown = config.toString();

    assertThat(shown).contains("books-host").contains("smtp.example.com");
    for (String secret : ENV.values()) {
      assertThat(shown).doesNotContain(secret);
    }
  }

  @Test
  void aMissingEnvironmentVariableIsAnErrorOnItsLine() {
    Map<String, String> env = new java.util.HashMap<>(ENV);
    env.remove("BOOKS_TOKEN");

    List<ConfigError> errors = loader(env).validate(fixture("valid.yml"));

    assertThat(errors).hasSize(1);
    ConfigError error = errors.get(0);
    assertThat(error.line()).isEqualTo(16);
    assertThat(error.column()).isEqualTo(14);
    assertThat(error.path()).isEqualTo("connections[0].settings.token");
    assertThat(error.message()).contains("BOOKS_TOKEN is not set");
    assertThat(error.format()).startsWith(fixture("valid.yml") + ":16:14: ");
  }

  @Test
  void reportsEveryProblemAtOnceWithLineAndKeyPath() {
    List<ConfigError> errors = loader(Map.of()).validate(fixture("many-problems.yml"));

    List<String> expected =
        List.of(
            "1 mode: must be one of production, development (did you mean 'production'?)",
            "2 htp: unknown key (did you mean 'http'?)",
            "5 store.postgres: 'user' is required",
            "6 store.postgres.url: must start with jdbc:postgresql://",
            "7 store.postgres.password: a secret written in the config file",
            "8 secretKey: environment variable MISSING_KEY is not set",
            "12 connections[0].settings.host: is required",
            "13 connections[0].settings.hots: is not a setting of this connector",
            "14 connections[0].settings.token: environment variable BOOKS_TOKEN is not set",
            "15 connections[0].settings.region: must be a single value",
            "17 connections[0].sync.schedule: 'every fortnight' is not a schedule",
            "18 connections[0].sync.streams[0]: unknown stream 'Invoices' (did you mean 'Invoice'?)",
            "19 connections[1].name: another connection is already named 'books'",
            "20 connections[1].type: unknown type 'salesfroce'",
            "21 connections[2]: 'name' is required",
            "27 ownership.rules[0].owner: unknown connection 'ledger'",
            "28 ownership.rules[0].fields[0]: unknown invoice field 'totl' (did you mean 'total'?)",
            "30 ownership.matchKeys.invoice: cannot match invoice records by 'dueDate'",
            "34 channels.email.port: must be between 1 and 65535",
            "35 channels.email.security: must be one of starttls, ssl, none",
            "36 channels.email.from: must be an email address",
            "38 schedules.zone: 'Mars/Olympus' is not a time zone");
    List<String> actual =
        errors.stream().map(e -> e.line() + " " + e.path() + ": " + e.message()).toList();
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).startsWith(expected.get(i));
    }
    assertThat(actual.get(7)).contains("(did you mean 'host'?)");
  }

  @Test
  void loadThrowsWithEveryProblemInTheMessage() {
    assertThatThrownBy(() -> loader(Map.of()).load(fixture("many-problems.yml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("22 problems")
        .hasMessageContaining("many-problems.yml:20:11: connections[1].type")
        .satisfies(e -> assertThat(((ConfigException) e).errors()).hasSize(22));
  }

  @Test
  void aYamlSyntaxErrorHasItsLine() {
    List<ConfigError> errors = loader(ENV).validate(fixture("not-yaml.yml"));

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).line()).isEqualTo(5);
    assertThat(errors.get(0).message()).startsWith("not valid YAML");
  }

  @Test
  void aMissingFileIsOneClearProblem() {
    Path missing = Path.of("does-not-exist/dunhub.yml");

    List<ConfigError> errors = loader(ENV).validate(missing);

    assertThat(errors)
        .extracting(ConfigError::format)
        .containsExactly(missing + ": no such file (pass --config FILE)");
  }

  @Test
  void developmentModeNeedsNoSecretKeyAndDefaultsTheRest() {
    HubConfig config = loader(Map.of()).load(fixture("development.yml"));

    assertThat(config.mode()).isEqualTo(Mode.DEVELOPMENT);
    assertThat(config.secretKey()).isEqualTo(SecretKeySource.fromEnvironment());
    assertThat(config.store())
        .isEqualTo(
            new StoreConfig.Embedded(fixture("development.yml").getParent().resolve("dev-data")));
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.mappingsDir()).isEqualTo(Optional.empty());
    ConnectionConfig local = config.connections().get(0);
    assertThat(local.sync().enabled()).isTrue();
    assertThat(local.sync().streams()).isEmpty();
  }

  @Test
  void productionRequiresASecretKey() {
    List<ConfigError> errors =
        loader(Map.of())
            .validate(fixture("development.yml").resolveSibling("production-without-key.yml"));

    assertThat(errors).extracting(ConfigError::path).containsExactly("secretKey");
    assertThat(
            loader(Map.of("DUNHUB_SECRET_KEY_FILE", "/etc/dunhub/key"))
                .validate(fixture("production-without-key.yml")))
        .isEmpty();
  }

  @Test
  void aSecretKeyThatIsNotA256BitKeyIsRefused() {
    Map<String, String> env = new java.util.HashMap<>(ENV);
    env.put("DUNHUB_SECRET_KEY", "too-short");

    List<ConfigError> errors = loader(env).validate(fixture("valid.yml"));

    assertThat(errors)
        .extracting(ConfigError::format)
        .containsExactly(
            fixture("valid.yml")
                + ":10:12: secretKey: must be a base64-encoded 256-bit key (make one with: openssl"
                + " rand -base64 32)");
  }

  @Test
  void envDefaultsAndEscapesAreSubstituted() {
    EnvSubstitution sub = new EnvSubstitution(EnvLookup.of(Map.of("A", "x")));

    assertThat(sub.apply("${A}-${B:-y}-$${A}").value()).isEqualTo("x-y-${A}");
    assertThat(sub.apply("${B}").problems())
        .containsExactly("environment variable B is not set (set it, or write ${B:-default})");
    assertThat(sub.apply("${A").problems()).hasSize(1);
  }

  @Test
  void suggestionsCatchTyposButNotStrangers() {
    assertThat(Suggestions.closest("conections", List.of("connections", "channels")))
        .contains("connections");
    assertThat(Suggestions.closest("quickbooks", List.of("memory", "vault"))).isEmpty();
  }
}
