package io.dunhub.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dunhub.core.auth.InMemoryTokenStore;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.testing.ManualClock;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the contract does not cover: the retry budget and its setting. */
class InMemoryConnectorTest {

  private final ManualClock clock = ManualClock.at("2026-03-02T00:00:00Z");
  private final InMemoryHost host = InMemoryHost.create("in-memory-connector-test", clock);

  @AfterEach
  void remove() {
    InMemoryHost.remove(host.name());
  }

  private Connection open(String connection, Map<String, String> settings) {
    Map<String, String> values = new java.util.HashMap<>(settings);
    values.put("host", host.name());
    return new InMemoryConnector()
        .open(
            new ConnectionContext(
                new ConnectionSettings(connection, InMemoryConnector.ID, values, Map.of()),
                clock,
                new InMemoryTokenStore(),
                new OkHttpClient()));
  }

  @Test
  void faultsBeyondTheBudgetSurfaceAsRetryable() {
    Connection connection = open("mem-budget", Map.of());
    host.inject(
        InMemoryHost.Fault.UNAVAILABLE,
        InMemoryHost.Fault.UNAVAILABLE,
        InMemoryHost.Fault.UNAVAILABLE,
        InMemoryHost.Fault.UNAVAILABLE,
        InMemoryHost.Fault.UNAVAILABLE);

    RetryableException e =
        catchThrowableOfType(
            RetryableException.class, () -> connection.source("Invoice").readPage(null, 10));

    assertThat(e.getMessage()).startsWith("mem-budget: read Invoice: host unavailable");
    assertThat(host.calls("read:Invoice")).isEqualTo(5);
    assertThat(clock.sleeps()).isEqualTo(4);
  }

  @Test
  void oneAttemptMakesAFaultSurfaceAtOnce() {
    Connection connection = open("mem-once", Map.of("maxAttempts", "1"));
    host.injectRateLimit(Duration.ofSeconds(30));

    WriteOutcome outcome =
        connection
            .sink("Activity")
            .write(
                new WriteRequest(
                    "k-1", "Activity", null, JsonNodeFactory.instance.objectNode(), null));

    assertThat(outcome).isInstanceOf(WriteOutcome.Retryable.class);
    assertThat(((WriteOutcome.Retryable) outcome).retryAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(clock.sleeps()).isZero();
    assertThat(host.all("Activity")).isEmpty();
  }
}
