package io.dunhub.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.memory.InMemoryConnector;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample configs in {@code examples/} stay valid as the format grows. */
class ExamplesTest {

  private static final Path EXAMPLES = Path.of("..", "examples");

  private final ConfigLoader loader =
      new ConfigLoader(
          EnvLookup.of(
              Map.of(
                  "DUNHUB_DB_PASSWORD", "db",
                  "DUNHUB_SECRET_KEY", "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=",
                  "SMTP_PASSWORD", "smtp",
                  "SMS_TOKEN", "sms")),
          Map.of(InMemoryConnector.ID, new InMemoryConnector()));

  @Test
  void theFullExampleIsValid() {
    assertThat(loader.validate(EXAMPLES.resolve("dunhub.yml"))).isEmpty();
  }

  @Test
  void theDevelopmentExampleIsValid() {
    assertThat(loader.validate(EXAMPLES.resolve("dunhub-dev.yml"))).isEmpty();
  }
}
