package io.dunhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.memory.InMemoryHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dunhub sync --once}, {@code sync errors} and {@code sync retry} on an in-memory host. */
class SyncCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final CliRunner cli = new CliRunner(Map.of());
  private InMemoryHost host;

  @AfterEach
  void removeHost() {
    if (host != null) {
      InMemoryHost.remove(host.name());
    }
  }

  private Path setUp(Path dir) throws Exception {
    host = InMemoryHost.create("sync-command-host", Clock.systemUTC());
    host.put("Party", "p-1", JSON.createObjectNode().put("name", "Acme Ltd"));
    host.put("Invoice", "i-1", invoice("INV-1", "2026-10-31"));
    host.put("Invoice", "i-2", invoice("INV-2", "the end of October"));
    Path config = dir.resolve("dunhub.yml");
    Files.writeString(
        config,
        """
        mode: development
        connections:
          - name: books
            type: memory
            settings:
              host: sync-command-host
        """);
    return config;
  }

  private static ObjectNode invoice(String number, String dueDate) throws Exception {
    return (ObjectNode)
        JSON.readTree(
            """
            {"partyId": "p-1", "number": "%s", "issueDate": "2026-10-01", "dueDate": "%s",
             "total": {"amount": "120.00", "currency": "EUR"},
             "openBalance": {"amount": "120.00", "currency": "EUR"}, "status": "OPEN"}
            """
                .formatted(number, dueDate));
  }

  @Test
  void syncOnceParksWhatItCannotMapAndErrorsAndRetryShowIt(@TempDir Path dir) throws Exception {
    String config = setUp(dir).toString();

    CliRunner.Result sync = cli.run("-c", config, "sync", "--once");
    CliRunner.Result errors = cli.run("-c", config, "sync", "errors");

    assertThat(sync.exitCode()).as(sync.all()).isZero();
    assertThat(sync.out()).contains("books/*: read 3").contains("parked 1");
    assertThat(errors.exitCode()).as(errors.all()).isZero();
    assertThat(errors.out()).containsPattern("#\\d+  books/Invoice i-2 \\(IN\\): ");
    assertThat(errors.out()).contains("1 parked record(s)");
    String id = errors.out().replaceAll("(?s).*#(\\d+) .*", "$1");

    CliRunner.Result retry = cli.run("-c", config, "sync", "retry", "--id", id);
    CliRunner.Result missing = cli.run("-c", config, "sync", "retry", "--id", "999999");
    CliRunner.Result all = cli.run("-c", config, "sync", "retry", "--connection", "books");

    assertThat(retry.exitCode()).as(retry.all()).isZero();
    assertThat(retry.out()).contains("Parked record #" + id + " is due again");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(missing.err()).contains("there is no parked record #999999");
    assertThat(all.out()).contains("1 parked record(s) are due again");
  }

  @Test
  void anUnknownConnectionIsAUsageError(@TempDir Path dir) throws Exception {
    String config = setUp(dir).toString();

    CliRunner.Result result = cli.run("-c", config, "sync", "--once", "--connection", "bokos");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("no connection named 'bokos'").contains("[books]");
  }
}
