package io.dunhub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.hub.cli.CliContext;
import io.dunhub.hub.cli.DunhubCli;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.hub.runtime.HubLauncher;
import io.dunhub.hub.runtime.Service;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dunhub run} serves {@code /health} and {@code /ready} on the configured port. */
class HealthRoutesIT {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Path config(Path dir) throws IOException {
    Path file = dir.resolve("dunhub.yml");
    Files.writeString(
        file,
        """
        mode: development
        http:
          host: 127.0.0.1
          port: 0
        store:
          embedded:
            dataDir: data
        """);
    return file;
  }

  @Test
  void runServesHealthAndReadinessUntilStopped(@TempDir Path dir) throws Exception {
    Path config = config(dir);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<Void> stop = new CompletableFuture<>();
    CliContext context =
        new CliContext(
            new HubLauncher(EnvLookup.of(Map.of()), Clock.systemUTC()),
            java.util.Optional.empty(),
            "it-node",
            stop);
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                DunhubCli.create(context, new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute("-c", config.toString(), "run"));

    int port = awaitPort(out, exit);
    HttpResponse<String> health = get(port, "/health");
    HttpResponse<String> ready = get(port, "/ready");
    stop.complete(null);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"up\"}");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body())
        .contains("\"status\":\"ready\"")
        .contains("\"store\":\"ok\"")
        .contains("\"scheduler\":\"ok\"");
    assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).contains("Dunhub is stopping.");
  }

  @Test
  void readyIs503WithTheReasonWhenTheSchedulerIsNotRunning(@TempDir Path dir) throws Exception {
    HubLauncher launcher = new HubLauncher(EnvLookup.of(Map.of()), Clock.systemUTC());
    try (Hub hub = launcher.open(config(dir), "it-node")) {
      hub.services().start(s -> s.phase() != Service.SCHEDULER_PHASE);
      int port = hub.get(HttpServer.class).port();

      HttpResponse<String> ready = get(port, "/ready");

      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.headers().firstValue("content-type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      assertThat(ready.body())
          .contains("\"status\":\"not ready\"")
          .contains("\"store\":\"ok\"")
          .contains("\"reason\":\"scheduler: the scheduler is not running\"");
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int awaitPort(StringWriter out, CompletableFuture<Integer> exit)
      throws InterruptedException {
    Pattern running = Pattern.compile("health on http://localhost:(\\d+)/health");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      Matcher m = running.matcher(out.toString());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (exit.isDone()) {
        throw new AssertionError("dunhub run ended early: " + exit.join() + "\n" + out);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("dunhub run did not start: " + out);
  }
}
