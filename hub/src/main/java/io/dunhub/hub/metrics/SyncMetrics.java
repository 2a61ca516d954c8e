package io.dunhub.hub.metrics;

import io.dunhub.hub.sync.SyncProgress;
import io.dunhub.hub.sync.SyncReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Counts what every sync run did, per connection, stream and direction: {@code
 * dunhub_sync_records_total{outcome=read|created|updated|unchanged|deleted|conflicts|parked|retried|written}}
 * and {@code dunhub_sync_runs_total{result=ok|failed|skipped}}. The engine calls it on the syncing
 * thread when a stream finishes.
 */
@Singleton
public final class SyncMetrics implements SyncProgress {

  /** How the engine names an outbound drain: {@code -> Invoice}. */
  private static final String OUTBOUND_PREFIX = "-> ";

  private final MeterRegistry registry;

  @Inject
  public SyncMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void finished(SyncReport report) {
    boolean outbound = report.stream().startsWith(OUTBOUND_PREFIX);
    String stream =
        outbound ? report.stream().substring(OUTBOUND_PREFIX.length()) : report.stream();
    String direction = outbound ? "out" : "in";
    String result;
    if (report.error() == null) {
      result = "ok";
    } else if (report.error().startsWith("another sync is running")) {
      result = "skipped"; // the stream's lease is held elsewhere: nothing failed
    } else {
      result = "failed";
    }
    Counter.builder("dunhub.sync.runs")
        .description("Sync runs of one stream (in) or one outbound drain (out)")
        .tags("connection", report.connection(), "stream", stream, "direction", direction)
        .tag("result", result)
        .register(registry)
        .increment();
    count(report, stream, direction, "read", report.read());
    count(report, stream, direction, "created", report.created());
    count(report, stream, direction, "updated", report.updated());
    count(report, stream, direction, "unchanged", report.unchanged());
    count(report, stream, direction, "deleted", report.deleted());
    count(report, stream, direction, "conflicts", report.conflicts());
    count(report, stream, direction, "parked", report.parked());
    count(report, stream, direction, "retried", report.retried());
    count(report, stream, direction, "written", report.written());
  }

  private void count(
      SyncReport report, String stream, String direction, String outcome, long amount) {
    Counter counter =
        Counter.builder("dunhub.sync.records")
            .description("Records a sync read, changed, parked or wrote")
            .tags("connection", report.connection(), "stream", stream, "direction", direction)
            .tag("outcome", outcome)
            .register(registry);
    if (amount > 0) {
      counter.increment(amount);
    }
  }
}
