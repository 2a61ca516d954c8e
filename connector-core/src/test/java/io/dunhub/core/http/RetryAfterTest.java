package io.dunhub.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");

  @Test
  void secondsAreADelay() {
    assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
  }

  @Test
  void anHttpDateIsTheTimeUntilThen() {
    assertThat(RetryAfter.parse("Mon, 02 Mar 2026 10:00:45 GMT", clock))
        .contains(Duration.ofSeconds(45));
  }

  @Test
  void aDateInThePastMeansNow() {
    assertThat(RetryAfter.parse("Mon, 02 Mar 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
  }

  @Test
  void absurdWaitsAreCappedAndGarbageIgnored() {
    assertThat(RetryAfter.parse("99999999999999999999", clock)).contains(RetryAfter.MAX);
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    assertThat(RetryAfter.parse(null, clock)).isEmpty();
  }
}
