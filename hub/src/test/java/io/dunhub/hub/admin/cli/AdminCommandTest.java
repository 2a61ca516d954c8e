package io.dunhub.hub.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.hub.admin.auth.PasswordHasher;
import io.dunhub.hub.admin.auth.Role;
import io.dunhub.hub.admin.auth.UserDirectory;
import io.dunhub.hub.cli.CliRunner;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.hub.runtime.HubLauncher;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dunhub admin hash-password} and {@code dunhub admin add-user}, password on stdin. */
class AdminCommandTest {

  private final InputStream stdin = System.in;

  @AfterEach
  void restore() {
    System.setIn(stdin);
  }

  private static void typeIn(String line) {
    System.setIn(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void hashPasswordPrintsABcryptHashThatVerifies() {
    typeIn("correct horse battery");

    CliRunner.Result result = new CliRunner(Map.of()).run("admin", "hash-password");

    assertThat(result.exitCode()).isZero();
    String hash = result.out().strip();
    assertThat(hash).matches("\\$2a\\$12\\$[./A-Za-z0-9]{53}");
    assertThat(new PasswordHasher(4).verify("correct horse battery", hash)).isTrue();
    assertThat(new PasswordHasher(4).verify("correct horse", hash)).isFalse();
  }

  @Test
  void aShortPasswordIsRefused() {
    typeIn("short");

    CliRunner.Result result = new CliRunner(Map.of()).run("admin", "hash-password");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("at least 8 characters");
  }

  @Test
  void addUserStoresAUserWhoCanSignIn(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("dunhub.yml");
    Files.writeString(
        config,
        """
        mode: development
        store:
          embedded:
            dataDir: data
        """);
    typeIn("collector-pass-1");

    CliRunner.Result result =
        new CliRunner(Map.of())
            .run("-c", config.toString(), "admin", "add-user", "carol", "--role", "collector");

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).contains("user carol (collector) saved");
    try (Hub hub =
        new HubLauncher(EnvLookup.of(Map.of()), Clock.systemUTC()).open(config, "t").startStore()) {
      UserDirectory.User carol = hub.get(UserDirectory.class).find("carol").orElseThrow();
      assertThat(carol.role()).isEqualTo(Role.COLLECTOR);
      assertThat(new PasswordHasher(4).verify("collector-pass-1", carol.passwordHash())).isTrue();
    }
    assertThat(
            new CliRunner(Map.of())
                .run("-c", config.toString(), "admin", "add-user", "dave", "--role", "boss")
                .exitCode())
        .isEqualTo(2);
  }
}
