package io.dunhub.salesforce.internal;

import io.dunhub.salesforce.ApiUsage;
import io.dunhub.salesforce.ApiUsageListener;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps the latest {@code LimitInfoHeader} reading and this connection's own call count. */
public final class ApiUsageTracker {
  private final Clock clock;
  private final AtomicReference<ApiUsage> latest = new AtomicReference<>();
  private final AtomicLong calls = new AtomicLong();
  private final List<ApiUsageListener> listeners = new CopyOnWriteArrayList<>();

  public ApiUsageTracker(Clock clock) {
    this.clock = clock;
  }

  public void addListener(ApiUsageListener listener) {
    listeners.add(listener);
  }

  /** Records one call made by this connection and, when the reply said so, the org's usage. */
  public void record(long used, long limit) {
    long mine = calls.incrementAndGet();
    ApiUsage usage = used < 0 ? null : new ApiUsage(used, limit, mine, clock.instant());
    if (usage == null) {
      ApiUsage previous = latest.get();
      if (previous == null) {
        return;
      }
      usage = new ApiUsage(previous.used(), previous.limit(), mine, previous.at());
    }
    latest.set(usage);
    for (ApiUsageListener l : listeners) {
      l.onUsage(usage);
    }
  }

  /** The latest reading, or null before the first call. */
  public ApiUsage latest() {
    return latest.get();
  }

  public long calls() {
    return calls.get();
  }
}
