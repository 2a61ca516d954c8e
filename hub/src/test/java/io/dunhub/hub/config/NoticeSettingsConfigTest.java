package io.dunhub.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.hub.dunning.cli.DunningSettings;
import io.dunhub.hub.runtime.DunningRuntimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code publicUrl}, {@code brand} and {@code outbox} in dunhub.yml, and what the engine gets. */
class NoticeSettingsConfigTest {

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("dunhub.yml");
    Files.writeString(file, yaml);
    return file;
  }

  private static ConfigLoader loader() {
    return new ConfigLoader(EnvLookup.of(Map.of()), ConfigLoaderTest.CONNECTORS);
  }

  @Test
  void brandPublicUrlAndRetryPolicyReachTheDunningEngine() throws IOException {
    Path file =
        write(
            """
            mode: development
            store: {embedded: {dataDir: data}}
            channels:
              email: {host: smtp.example.com, port: 25, security: none, from: ar@acme.example}
            publicUrl: https://dunhub.acme.example/
            brand:
              name: Acme Corp
              logoUrl: https://acme.example/logo.png
              primaryColour: "#0b5394"
              accentColour: "#eee"
              replyTo: receivables@acme.example
              footer: Acme Corp · 1 Main Street · Springfield
            outbox:
              maxAttempts: 5
              backoff: {first: 30s, max: 2h}
            """);

    HubConfig config = loader().load(file);
    DunningSettings settings = DunningRuntimes.settings(config);

    assertThat(settings.publicUrl()).isEqualTo("https://dunhub.acme.example/");
    assertThat(settings.links().unsubscribe("k")).startsWith("https://dunhub.acme.example/t/u/");
    assertThat(settings.brand().name()).isEqualTo("Acme Corp");
    assertThat(settings.brand().logoUrl()).isEqualTo("https://acme.example/logo.png");
    assertThat(settings.brand().primaryColour()).isEqualTo("#0b5394");
    assertThat(settings.brand().accentColour()).isEqualTo("#eee");
    assertThat(settings.brand().footer()).isEqualTo("Acme Corp · 1 Main Street · Springfield");
    assertThat(settings.smtp().replyTo()).isEqualTo("receivables@acme.example");
    assertThat(settings.retry().maxAttempts()).isEqualTo(5);
    assertThat(settings.retry().backoff(1, null)).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.retry().backoff(3, null)).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.retry().backoff(20, null)).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void withoutTheSectionsTheDefaultsHold() throws IOException {
    Path file =
        write(
            """
            mode: development
            http: {host: 127.0.0.1, port: 8089}
            store: {embedded: {dataDir: data}}
            """);

    DunningSettings settings = DunningRuntimes.settings(loader().load(file));

    assertThat(settings.publicUrl()).isEqualTo("http://127.0.0.1:8089");
    assertThat(settings.brand().name()).isEqualTo("Accounts Receivable");
    assertThat(settings.retry().maxAttempts()).isEqualTo(8);
    assertThat(settings.retry().backoff(1, null)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void everyProblemIsReportedWithItsLine() throws IOException {
    Path file =
        write(
            """
            mode: development
            store: {embedded: {dataDir: data}}
            publicUrl: dunhub.acme.example
            brand:
              name: Acme
              logoUrl: ftp://acme.example/logo.png
              primaryColour: navy
              replyTo: not-an-address
              colour: "#fff"
            outbox:
              maxAttempts: 0
              backoff: {first: 10m, max: 1m}
            """);

    List<String> errors =
        loader().validate(file).stream()
            .map(e -> e.line() + " " + e.path() + ": " + e.message())
            .toList();

    assertThat(errors)
        .containsExactly(
            "3 publicUrl: must be an http(s) URL, got 'dunhub.acme.example'",
            "6 brand.logoUrl: must be an http(s) URL, got 'ftp://acme.example/logo.png'",
            "7 brand.primaryColour: must be a hex colour such as \"#0b5394\" (quote it in YAML),"
                + " got 'navy'",
            "8 brand.replyTo: must be an email address, got 'not-an-address'",
            "9 brand.colour: unknown key; known keys here: name, logoUrl, primaryColour,"
                + " accentColour, replyTo, footer",
            "11 outbox.maxAttempts: must be between 1 and 100, got 0",
            "12 outbox.backoff.max: the longest wait (max) must not be shorter than the first one"
                + " (first)");
  }
}
