package io.dunhub.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code admin} section: token, users and login lifetime, with every problem at file:line. */
class AdminConfigTest {

  private static final String HASH = "$2a$12$" + "a".repeat(53);

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("dunhub.yml");
    Files.writeString(file, yaml);
    return file;
  }

  private static ConfigLoader loader(Map<String, String> env) {
    return new ConfigLoader(EnvLookup.of(env), ConfigLoaderTest.CONNECTORS);
  }

  @Test
  void readsTheTokenUsersAndSessionLifetime() throws IOException {
    Path file =
        write(
            """
            mode: development
            admin:
              token: ${ADMIN_TOKEN}
              sessionHours: 8
              users:
                - name: alice
                  role: admin
                  passwordHash: "%s"
                - name: bob
                  role: read-only
                  passwordHash: "%s"
            """
                .formatted(HASH, HASH));

    AdminConfig admin =
        loader(Map.of("ADMIN_TOKEN", "t0ken-t0ken-t0ken-t0ken-t0ken")).load(file).admin();

    assertThat(admin.token().orElseThrow().reveal()).isEqualTo("t0ken-t0ken-t0ken-t0ken-t0ken");
    assertThat(admin.sessionTtl()).isEqualTo(Duration.ofHours(8));
    assertThat(admin.users())
        .extracting(AdminConfig.User::name, AdminConfig.User::role, AdminConfig.User::line)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("alice", "admin", 6),
            org.assertj.core.api.Assertions.tuple("bob", "read-only", 9));
    assertThat(admin.users().get(0).passwordHash()).isEqualTo(HASH);
    assertThat(admin.toString()).doesNotContain("t0ken");
  }

  @Test
  void withoutTheSectionThereIsNoTokenAndNoUser() throws IOException {
    AdminConfig admin = loader(Map.of()).load(write("mode: development\n")).admin();

    assertThat(admin.token()).isEmpty();
    assertThat(admin.users()).isEmpty();
  }

  @Test
  void everyProblemIsReportedWithItsLine() throws IOException {
    Path file =
        write(
            """
            mode: production
            secretKey: ${KEY}
            admin:
              token: short-written-in-file
              sessionHours: 0
              users:
                - name: bob
                  role: superuser
                  passwordHash: "%s"
                - name: alice
                  role: admin
                  passwordHash: "%s"
                - name: alice
                  role: admin
                  passwordHash: "%s"
                - name: carol
                  role: collector
                  passwordHash: plain-password
                - role: admin
              colour: blue
            """
                .formatted(HASH, HASH, HASH));

    List<String> problems =
        loader(Map.of("KEY", "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA="))
            .validate(file)
            .stream()
            .map(ConfigError::format)
            .map(s -> s.substring(s.indexOf("dunhub.yml")))
            .toList();

    assertThat(problems)
        .containsExactly(
            "dunhub.yml:4:10: admin.token: " + SecretRules.WRITTEN_IN_FILE,
            "dunhub.yml:4:10: admin.token: must be at least 24 characters (make one with: openssl"
                + " rand -base64 32)",
            "dunhub.yml:5:17: admin.sessionHours: must be between 1 and 720, got 0",
            "dunhub.yml:8:13: admin.users[0].role: unknown role 'superuser'; known: admin,"
                + " collector, read-only",
            "dunhub.yml:13:7: admin.users[2]: user 'alice' is declared twice",
            "dunhub.yml:18:21: admin.users[3].passwordHash: must be a bcrypt hash ($2a$12$ and 53"
                + " more characters); make one with: dunhub admin hash-password",
            "dunhub.yml:19:7: admin.users[4]: 'name' is required",
            "dunhub.yml:19:7: admin.users[4]: 'passwordHash' is required",
            "dunhub.yml:20:3: admin.colour: unknown key; known keys here: token, users,"
                + " sessionHours");
  }
}
