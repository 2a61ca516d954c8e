package io.dunhub.hub.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunhub.core.memory.InMemoryHost;
import io.dunhub.hub.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dunhub run} schedules a recurring sync per connection and stream, which keeps running. */
class RunSchedulesSyncIT {

  private InMemoryHost host;

  @AfterEach
  void removeHost() {
    if (host != null) {
      InMemoryHost.remove(host.name());
    }
  }

  @Test
  void runSyncsEachStreamOnItsSchedule(@TempDir Path dir) throws Exception {
    host = InMemoryHost.create("run-sync-host", Clock.systemUTC());
    host.put("Party", "p-1", new ObjectMapper().createObjectNode().put("name", "Acme Ltd"));
    Path config = dir.resolve("dunhub.yml");
    Files.writeString(
        config,
        """
        mode: development
        http:
          port: 0
        connections:
          - name: books
            type: memory
            settings:
              host: run-sync-host
            sync:
              schedule: every 1s
              streams: [Party, Invoice]
        """);
    CliRunner cli =
        new CliRunner(
            Map.of(),
            List.of(),
            List.of(
                binder ->
                    binder
                        .bind(SchedulerService.SchedulerSettings.class)
                        .toInstance(
                            new SchedulerService.SchedulerSettings(
                                "it-node",
                                2,
                                java.time.Duration.ofMillis(200),
                                java.time.Duration.ofSeconds(5),
                                java.time.Duration.ofSeconds(5)))));

    CompletableFuture<CliRunner.Result> run =
        CompletableFuture.supplyAsync(() -> cli.run("-c", config.toString(), "run"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while ((host.calls("read:Party") < 3 || host.calls("read:Invoice") < 3)
        && System.nanoTime() < deadline
        && !run.isDone()) {
      Thread.sleep(100);
    }
    cli.stop();
    CliRunner.Result result = run.get(60, TimeUnit.SECONDS);

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(host.calls("read:Party")).isGreaterThanOrEqualTo(3);
    assertThat(host.calls("read:Invoice")).isGreaterThanOrEqualTo(3);
    assertThat(host.calls("read:Contact")).as("a stream not configured").isZero();
  }
}
