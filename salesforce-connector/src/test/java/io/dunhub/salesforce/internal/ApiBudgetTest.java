package io.dunhub.salesforce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.testing.ManualClock;
import io.dunhub.salesforce.ApiUsage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiBudgetTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final ApiUsageTracker usage = new ApiUsageTracker(clock);
  private final ApiBudget budget = new ApiBudget(0.5, usage, clock, Duration.ofSeconds(2));

  private static ApiUsage at(long used) {
    return new ApiUsage(used, 10_000, 1, Instant.EPOCH);
  }

  @Test
  void fullSpeedWellBelowTheShareThenSlowerThenStop() {
    assertThat(budget.delayAt(null)).isZero();
    assertThat(budget.delayAt(at(3_999))).isZero();
    assertThat(budget.delayAt(at(4_500))).isEqualTo(Duration.ofSeconds(1));
    assertThat(budget.delayAt(at(4_900))).isEqualTo(Duration.ofMillis(1_800));
    assertThat(budget.delayAt(at(5_000))).isNull();
  }

  @Test
  void refusesAtTheShareWithTheFiguresAndAWait() {
    usage.record(5_100, 10_000);
    assertThatThrownBy(() -> budget.beforeCall("acme: query Account"))
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("5100 of its 10000")
        .hasMessageContaining("50%")
        .satisfies(e -> assertThat(((RetryableException) e).retryAfter()).isPositive());
  }

  @Test
  void pacingSleepsOnTheInjectedClock() {
    usage.record(4_500, 10_000);
    budget.beforeCall("acme: query Account");
    assertThat(clock.slept()).isEqualTo(Duration.ofSeconds(1));
  }
}
