package io.dunhub.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dunhub.core.memory.InMemoryHost;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import io.dunhub.hub.http.HttpServer;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.hub.runtime.HubLauncher;
import io.dunhub.hub.runtime.Service;
import io.dunhub.hub.sync.SyncEngine;
import io.dunhub.hub.sync.SyncReport;
import io.dunhub.hub.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} after real work: a sync of an in-memory host (one invoice parked), a dunning
 * sweep that sends an email through GreenMail and dead-letters an SMS (no SMS channel configured),
 * and a relay run. The scrape shows each of them with the figures the work produced.
 */
class MetricsEndpointIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String HOST = "metrics-it-host";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void removeHost() {
    InMemoryHost.remove(HOST);
  }

  @Test
  void scrapeShowsSyncDunningOutboxAndHostCalls(@TempDir Path dir) throws Exception {
    seedHost();
    Path config = config(dir);
    try (Hub hub = new HubLauncher(EnvLookup.of(Map.of()), clock).open(config, "metrics-it")) {
      hub.services().start(s -> s.phase() != Service.SCHEDULER_PHASE);
      int port = hub.get(HttpServer.class).port();

      PrometheusText before = scrape(port);
      assertThat(before.require("dunhub_sync_lag_seconds", Map.of("stream", "Invoice")))
          .as("an enabled stream that never synced")
          .isInfinite();

      SyncReport sync = hub.get(SyncEngine.class).syncConnection("books");
      assertThat(sync.ok()).as(sync.toString()).isTrue();
      clock.advance(Duration.ofSeconds(90));
      DunningRuntime dunning = hub.get(DunningRuntime.class);
      dunning.sweep().run(100);
      dunning.relay().drain(50);
      clock.advance(Duration.ofSeconds(30));

      PrometheusText m = scrape(port);
      Map<String, String> invoicesIn =
          Map.of("connection", "books", "stream", "Invoice", "direction", "in");
      assertThat(m.require("dunhub_sync_records_total", with(invoicesIn, "outcome", "read")))
          .isEqualTo(2);
      assertThat(m.require("dunhub_sync_records_total", with(invoicesIn, "outcome", "created")))
          .isEqualTo(1);
      assertThat(m.require("dunhub_sync_records_total", with(invoicesIn, "outcome", "parked")))
          .isEqualTo(1);
      assertThat(m.require("dunhub_sync_runs_total", with(invoicesIn, "result", "ok")))
          .isEqualTo(1);
      assertThat(m.require("dunhub_sync_parked_records", invoicesIn)).isEqualTo(1);
      assertThat(
              m.require(
                  "dunhub_sync_lag_seconds", Map.of("connection", "books", "stream", "Invoice")))
          .as("the sync finished 90 + 30 seconds ago on the hub's clock")
          .isEqualTo(120);

      assertThat(m.require("dunhub_host_calls_total", Map.of("connection", "books")))
          .as("the memory connector's calls go through its throttle")
          .isGreaterThanOrEqualTo(3);
      assertThat(m.value("dunhub_host_limit_used_ratio", Map.of("connection", "books")))
          .isPresent();

      assertThat(m.require("dunhub_notices_total", Map.of("channel", "email", "outcome", "sent")))
          .isEqualTo(1);
      assertThat(m.require("dunhub_notices_total", Map.of("channel", "sms", "outcome", "failed")))
          .isEqualTo(1);
      assertThat(m.require("dunhub_outbox_dead_letters_total", Map.of("kind", "notice")))
          .isEqualTo(1);
      assertThat(m.require("dunhub_outbox_depth", Map.of("status", "dead"))).isEqualTo(1);
      assertThat(m.require("dunhub_outbox_oldest_age_seconds", Map.of("status", "dead")))
          .as("the dead SMS row was written by the sweep 30 seconds ago")
          .isEqualTo(30);
      assertThat(m.require("dunhub_dunning_sweep_seconds_count", Map.of())).isEqualTo(1);
      assertThat(m.require("dunhub_dunning_actions_total", Map.of())).isGreaterThanOrEqualTo(1);
      assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }
  }

  private PrometheusText scrape(int port) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
    return new PrometheusText(response.body());
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    Map<String, String> all = new java.util.HashMap<>(labels);
    all.put(key, value);
    return all;
  }

  /** One party with a billing contact, an overdue invoice, and an invoice without a due date. */
  private void seedHost() throws Exception {
    InMemoryHost host = InMemoryHost.create(HOST, clock);
    host.put(
        "Party",
        "p-1",
        (ObjectNode)
            JSON.readTree(
                "{\"name\":\"Acme Ltd\",\"country\":\"US\",\"locale\":\"en-US\","
                    + "\"timeZone\":\"UTC\"}"));
    host.put(
        "Contact",
        "c-1",
        (ObjectNode)
            JSON.readTree(
                "{\"partyId\":\"p-1\",\"firstName\":\"Bea\",\"lastName\":\"Biller\","
                    + "\"email\":\"bea@acme.example\",\"phone\":\"+15555550100\","
                    + "\"role\":\"BILLING\",\"preferredChannel\":\"EMAIL\",\"consent\":true}"));
    host.put("Invoice", "i-1", invoice("INV-100", "\"dueDate\":\"2026-03-01\","));
    host.put("Invoice", "i-2", invoice("INV-101", ""));
  }

  private static ObjectNode invoice(String number, String due) throws Exception {
    return (ObjectNode)
        JSON.readTree(
            "{\"partyId\":\"p-1\",\"number\":\""
                + number
                + "\",\"issueDate\":\"2026-02-01\","
                + due
                + "\"total\":{\"amount\":\"250.00\",\"currency\":\"USD\"},"
                + "\"openBalance\":{\"amount\":\"250.00\",\"currency\":\"USD\"},"
                + "\"status\":\"OPEN\"}");
  }

  private static Path config(Path dir) throws Exception {
    Path policies = Files.createDirectories(dir.resolve("policies"));
    Files.writeString(
        policies.resolve("email-and-sms.yaml"),
        """
        policy: email-and-sms
        default: true
        days: calendar
        guards:
          window: "00:00-23:59"
          business_days_only: false
          max_contacts_per_7_days: 3
        steps:
          - at: due+3d
            action: notice
            channels: [email, sms]
            template: overdue-reminder
            tone: 2
        """);
    Path config = dir.resolve("dunhub.yml");
    Files.writeString(
        config,
        """
        mode: development
        http:
          host: 127.0.0.1
          port: 0
        store:
          embedded:
            dataDir: data
        policies: policies
        channels:
          email:
            host: 127.0.0.1
            port: %d
            security: none
            from: ar@northwind.example
        connections:
          - name: books
            type: memory
            settings:
              host: %s
        """
            .formatted(MAIL.getSmtp().getPort(), HOST));
    return config;
  }
}
