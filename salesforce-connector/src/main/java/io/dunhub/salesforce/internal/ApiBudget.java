package io.dunhub.salesforce.internal;

import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.http.Sleeper;
import io.dunhub.salesforce.ApiUsage;
import java.time.Duration;

/**
 * Keeps Dunhub inside its share of the org's daily API allowance. Below 80% of the share calls go
 * at full speed; from there to the share each call waits longer (up to {@code maxDelay}); at the
 * share calls are refused as retryable, so the hub tries again later instead of eating the
 * allowance the org's people and other integrations need.
 */
public final class ApiBudget {
  private final double share;
  private final ApiUsageTracker usage;
  private final Sleeper sleeper;
  private final Duration maxDelay;

  /**
   * @param share the most of the org's daily allowance Dunhub may let the org reach, from 0 to 1
   */
  public ApiBudget(double share, ApiUsageTracker usage, Sleeper sleeper, Duration maxDelay) {
    if (share <= 0 || share > 1) {
      throw new IllegalArgumentException("share must be in (0, 1], got " + share);
    }
    this.share = share;
    this.usage = usage;
    this.sleeper = sleeper;
    this.maxDelay = maxDelay;
  }

  /** The wait before the next call at this usage: zero, a delay, or null to refuse. */
  Duration delayAt(ApiUsage reading) {
    if (reading == null || reading.limit() <= 0) {
      return Duration.ZERO;
    }
    double used = reading.share();
    if (used >= share) {
      return null;
    }
    double slowFrom = share * 0.8;
    if (used <= slowFrom) {
      return Duration.ZERO;
    }
    return Duration.ofMillis(
        Math.round(maxDelay.toMillis() * (used - slowFrom) / (share - slowFrom)));
  }

  /** Waits as the budget asks, or throws a retryable error once the share is reached. */
  public void beforeCall(String where) {
    ApiUsage reading = usage.latest();
    Duration delay = delayAt(reading);
    if (delay == null) {
      throw new RetryableException(
          where
              + ": the org has used "
              + reading.used()
              + " of its "
              + reading.limit()
              + " daily API requests, the "
              + Math.round(share * 100)
              + "% Dunhub may use; waiting for the allowance to recover",
          "api-usage=" + reading.used() + "/" + reading.limit(),
          Duration.ofMinutes(15),
          null);
    }
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableException(where + ": interrupted while pacing API calls", e);
    }
  }
}
