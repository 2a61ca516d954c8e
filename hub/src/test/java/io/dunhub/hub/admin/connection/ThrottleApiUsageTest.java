package io.dunhub.hub.admin.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dunhub.core.connector.RateLimit;
import io.dunhub.core.http.ConnectionThrottle;
import io.dunhub.core.http.ConnectionThrottles;
import io.dunhub.hub.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * API usage is what the connection's rate limiter let through, and how much of its limit is spent.
 */
class ThrottleApiUsageTest {

  private final MutableClock clock = MutableClock.atDefaultStart();
  private final ConnectionThrottles throttles = new ConnectionThrottles();
  private final ThrottleApiUsage usage = new ThrottleApiUsage(throttles, clock);

  @Test
  void countsTheCallsOfTheConnectionAndTheShareOfItsLimitSpent() throws Exception {
    RateLimit limit = new RateLimit(10, Duration.ofMinutes(1), 2);
    ConnectionThrottle books = throttles.forConnection("books", limit, clock, clock::advance);
    ConnectionThrottle other = throttles.forConnection("other", limit, clock, clock::advance);
    for (int i = 0; i < 3; i++) {
      books.acquire().close();
    }
    other.acquire().close();

    assertThat(usage.used("books")).hasValue(3);
    assertThat(usage.limitUsed("books").getAsDouble()).isCloseTo(0.3, within(1e-9));
    assertThat(usage.used("never-opened")).hasValue(0);
    assertThat(usage.limitUsed("never-opened")).isEmpty();
    assertThat(usage.since()).contains(clock.instant());

    // a minute later the bucket is full again: nothing of the limit is spent, the calls stay
    // counted
    clock.advance(Duration.ofMinutes(1));
    assertThat(usage.limitUsed("books").getAsDouble()).isZero();
    assertThat(usage.used("books")).hasValue(3);
  }

  @Test
  void aHostWithoutALimitHasCallsButNoShareOfALimit() throws Exception {
    throttles.forConnection("memory", RateLimit.unlimited(), clock, d -> {}).acquire().close();
    assertThat(usage.used("memory")).hasValue(1);
    assertThat(usage.limitUsed("memory")).isEmpty();
  }

  @Test
  void connectionsSharingTheirAccountsLimiterEachShowTheAccountsCalls() throws Exception {
    // as the NetSuite connector does: one limiter (and concurrency cap) per NetSuite account
    RateLimit limit = new RateLimit(10, Duration.ofMinutes(1), 2);
    for (String connection : new String[] {"ns-uk", "ns-us"}) {
      io.dunhub.core.http.HttpClientFactory.forConnection(
              io.dunhub.core.http.HttpClientFactory.processClient(), connection, clock)
          .throttles(throttles)
          .rateLimit(limit)
          .throttleKey("netsuite:1234567")
          .sleeper(clock::advance)
          .build();
    }
    throttles.forConnection("netsuite:1234567", limit, clock, clock::advance).acquire().close();
    throttles.forConnection("netsuite:1234567", limit, clock, clock::advance).acquire().close();

    assertThat(usage.used("ns-uk")).hasValue(2);
    assertThat(usage.used("ns-us")).hasValue(2);
    assertThat(usage.limitUsed("ns-uk").getAsDouble()).isCloseTo(0.2, within(1e-9));
    assertThat(usage.used("books")).hasValue(0);
  }
}
