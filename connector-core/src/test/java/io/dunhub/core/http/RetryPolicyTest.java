package io.dunhub.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(
          6, Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(8), () -> 1.0);

  @Test
  void backoffDoublesUpToTheCap() {
    assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(policy.backoff(9)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void jitterSpreadsDelaysOverTheUpperHalf() {
    RetryPolicy low = policy.withJitter(() -> 0.0);
    RetryPolicy mid = policy.withJitter(() -> 0.5);
    assertThat(low.backoff(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(mid.backoff(3)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void theHostsRetryAfterWinsWhenLonger() {
    assertThat(policy.delayBeforeRetry(1, Duration.ZERO, Duration.ofSeconds(30)))
        .contains(Duration.ofSeconds(30));
    assertThat(policy.delayBeforeRetry(1, Duration.ZERO, Duration.ofMillis(10)))
        .contains(Duration.ofSeconds(1));
  }

  @Test
  void givesUpAfterMaxAttemptsOrWhenTheWaitWouldBreakTheBudget() {
    assertThat(policy.delayBeforeRetry(6, Duration.ZERO, null)).isEmpty();
    assertThat(policy.delayBeforeRetry(5, Duration.ZERO, null)).isPresent();
    assertThat(policy.delayBeforeRetry(1, Duration.ofMillis(59_500), null)).isEmpty();
    assertThat(policy.delayBeforeRetry(1, Duration.ZERO, Duration.ofMinutes(5))).isEmpty();
  }

  @Test
  void noneNeverRetries() {
    assertThat(RetryPolicy.none().delayBeforeRetry(1, Duration.ZERO, null)).isEmpty();
  }
}
