package io.dunhub.hub.webhook;

import io.dunhub.hub.runtime.Service;
import io.dunhub.hub.sync.ConnectionRegistry;
import io.dunhub.hub.sync.SyncEngine;
import io.dunhub.hub.sync.SyncReport;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the syncs webhooks ask for, off the request thread (a host wants its 200 within seconds).
 * Requests for one connection coalesce: a burst of deliveries while a sync runs becomes one more
 * sync of the streams they touched, never one per delivery. A stream another sync holds (the
 * scheduled one, or another hub process) is tried again after a short wait, at most {@link
 * #ATTEMPTS} times; the connection's recurring sync remains the safety net.
 */
@Singleton
public final class WebhookSyncs implements Service {

  static final int ATTEMPTS = 4;
  private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSyncs.class);

  private final Provider<SyncEngine> engine;
  private final Provider<ConnectionRegistry> registry;
  private final ScheduledThreadPoolExecutor executor;
  private final Map<String, Set<String>> pending = new HashMap<>();
  private final Set<String> active = new HashSet<>();
  private final AtomicInteger completed = new AtomicInteger();

  @Inject
  public WebhookSyncs(Provider<SyncEngine> engine, Provider<ConnectionRegistry> registry) {
    this.engine = engine;
    this.registry = registry;
    AtomicInteger n = new AtomicInteger();
    // threads start on first use, not here
    this.executor =
        new ScheduledThreadPoolExecutor(
            2,
            r -> {
              Thread t = new Thread(r, "webhook-sync-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.executor.setRemoveOnCancelPolicy(true);
  }

  /** Syncs these host objects' streams of {@code connection} soon; returns at once. */
  public void request(String connection, Collection<String> hostObjects) {
    synchronized (this) {
      pending.computeIfAbsent(connection, k -> new LinkedHashSet<>()).addAll(hostObjects);
      if (!active.add(connection)) {
        return; // the running drain picks it up when it finishes
      }
    }
    executor.execute(() -> drain(connection, 1));
  }

  /** Webhook syncs finished so far (for tests and metrics). */
  public int completed() {
    return completed.get();
  }

  private void drain(String connection, int attempt) {
    Set<String> wanted;
    synchronized (this) {
      wanted = pending.remove(connection);
      if (wanted == null) {
        active.remove(connection);
        return;
      }
    }
    List<String> failed = new ArrayList<>();
    MDC.put("connection", connection);
    try {
      for (String stream : registry.get().streams(connection)) {
        if (!wanted.contains(stream)) {
          continue;
        }
        SyncReport report = engine.get().syncStream(connection, stream);
        if (report.ok()) {
          LOG.info("webhook sync {}", report);
        } else {
          LOG.warn("webhook sync {} (attempt {} of {})", report, attempt, ATTEMPTS);
          failed.add(stream);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("webhook sync of {} failed: {}", connection, e.toString());
      failed.addAll(wanted);
    } finally {
      MDC.remove("connection");
      completed.incrementAndGet();
    }
    synchronized (this) {
      if (!failed.isEmpty() && attempt < ATTEMPTS) {
        pending.computeIfAbsent(connection, k -> new LinkedHashSet<>()).addAll(failed);
        long delay = FIRST_RETRY.toMillis() << (attempt - 1);
        executor.schedule(() -> drain(connection, attempt + 1), delay, TimeUnit.MILLISECONDS);
        return;
      }
      if (!pending.containsKey(connection)) {
        active.remove(connection);
        return;
      }
    }
    executor.execute(() -> drain(connection, 1));
  }

  @Override
  public String name() {
    return "webhook-syncs";
  }

  @Override
  public int phase() {
    return SCHEDULER_PHASE + 50;
  }

  @Override
  public void start() {}

  @Override
  public void stop() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
