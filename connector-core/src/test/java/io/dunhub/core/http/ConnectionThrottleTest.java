package io.dunhub.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.connector.RateLimit;
import io.dunhub.core.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionThrottleTest {

  private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");

  @Test
  void aFullBucketAllowsABurstThenRefillsAtTheRate() throws Exception {
    ConnectionThrottle throttle =
        new ConnectionThrottle(new RateLimit(4, Duration.ofSeconds(2), 10), clock, clock);
    Instant start = clock.instant();
    for (int i = 0; i < 4; i++) {
      throttle.acquire().close();
    }
    assertThat(clock.instant()).as("the burst waits for nothing").isEqualTo(start);

    throttle.acquire().close();
    throttle.acquire().close();
    assertThat(Duration.between(start, clock.instant()))
        .as("two more tokens at 2 per second")
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aPauseHoldsBackEveryCallerUntilItEnds() throws Exception {
    ConnectionThrottle throttle = new ConnectionThrottle(RateLimit.unlimited(), clock, clock);
    throttle.pause(Duration.ofSeconds(30));
    throttle.pause(Duration.ofSeconds(5));
    Instant start = clock.instant();

    throttle.acquire().close();

    assertThat(Duration.between(start, clock.instant()))
        .as("the longer pause is kept")
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void noMoreThanMaxConcurrentCallsAreInFlight() throws Exception {
    ConnectionThrottle throttle =
        new ConnectionThrottle(new RateLimit(1000, Duration.ofSeconds(1), 2), clock, clock);
    ConnectionThrottle.Permit a = throttle.acquire();
    ConnectionThrottle.Permit b = throttle.acquire();
    CompletableFuture<ConnectionThrottle.Permit> third =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return throttle.acquire();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(100);
    assertThat(third).as("the third caller waits for a slot").isNotDone();
    assertThat(throttle.inFlight()).isEqualTo(2);

    a.close();
    a.close();
    third.get(2, TimeUnit.SECONDS).close();
    b.close();
    assertThat(throttle.inFlight()).as("closing twice releases once").isZero();
  }

  @Test
  void throttlesAreSharedPerConnectionAndClock() {
    ConnectionThrottles registry = new ConnectionThrottles();
    RateLimit limit = new RateLimit(10, Duration.ofSeconds(1), 2);
    ConnectionThrottle one = registry.forConnection("acme-qbo", limit, clock, clock);
    assertThat(registry.forConnection("acme-qbo", limit, clock, clock)).isSameAs(one);
    assertThat(registry.forConnection("other", limit, clock, clock)).isNotSameAs(one);
    ManualClock otherClock = ManualClock.at("2026-03-02T10:00:00Z");
    assertThat(registry.forConnection("acme-qbo", limit, otherClock, otherClock)).isNotSameAs(one);
    ConnectionThrottle tokenEndpoint =
        registry.forConnection("acme-qbo", RateLimit.unlimited(), clock, clock);
    assertThat(tokenEndpoint).as("another limit, another throttle").isNotSameAs(one);
    assertThat(registry.forConnection("acme-qbo", limit, clock, clock))
        .as("and the first one is still shared")
        .isSameAs(one);
  }

  @Test
  void countsTheCallsItLetsThroughAndHowMuchOfTheBucketIsSpent() throws Exception {
    ConnectionThrottles registry = new ConnectionThrottles();
    ConnectionThrottle throttle =
        registry.forConnection(
            "acme-qbo", new RateLimit(4, Duration.ofSeconds(4), 2), clock, clock);
    assertThat(throttle.bucketUsed()).isZero();

    for (int i = 0; i < 3; i++) {
      throttle.acquire().close();
    }

    assertThat(throttle.granted()).isEqualTo(3);
    assertThat(throttle.bucketUsed()).isEqualTo(0.75);
    clock.advance(Duration.ofSeconds(2));
    assertThat(throttle.bucketUsed()).as("two tokens refilled, none taken").isEqualTo(0.25);
    assertThat(throttle.granted()).isEqualTo(3);
    assertThat(registry.all())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.connection()).isEqualTo("acme-qbo");
              assertThat(r.limit().permits()).isEqualTo(4);
              assertThat(r.throttle()).isSameAs(throttle);
            });
  }
}
