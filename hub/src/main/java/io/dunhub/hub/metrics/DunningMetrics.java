package io.dunhub.hub.metrics;

import io.dunhub.hub.dunning.DunningSweep;
import io.dunhub.hub.outbox.OutboxEntry;
import io.dunhub.hub.outbox.OutboxRelay;
import io.dunhub.hub.outbox.OutboxRow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;

/**
 * What the dunning sweep and the outbox relay report:
 *
 * <ul>
 *   <li>{@code dunhub_dunning_sweep_seconds} (timer): how long each sweep took, in real time;
 *   <li>{@code dunhub_dunning_actions_total}: actions the sweeps applied;
 *   <li>{@code dunhub_notices_total{channel, outcome=sent|retry|failed}}: notices the relay sent,
 *       will try again, or gave up on (a dead letter);
 *   <li>{@code dunhub_writebacks_total{connection, outcome=written|retry|failed}}: writes into the
 *       hosts;
 *   <li>{@code dunhub_outbox_dead_letters_total{kind}}: rows that became dead letters.
 * </ul>
 */
@Singleton
public final class DunningMetrics implements DunningSweep.Listener, OutboxRelay.Listener {

  private final MeterRegistry registry;
  private final Timer sweep;
  private final Counter actions;

  @Inject
  public DunningMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.sweep =
        Timer.builder("dunhub.dunning.sweep")
            .description("Duration of one dunning evaluation sweep (real time)")
            .register(registry);
    this.actions =
        Counter.builder("dunhub.dunning.actions")
            .description("Dunning actions applied by the sweeps")
            .register(registry);
  }

  @Override
  public void swept(DunningSweep.Result result, Duration took) {
    sweep.record(took);
    actions.increment(result.actions());
  }

  @Override
  public void processed(OutboxRow row, String status) {
    String outcome;
    switch (status) {
      case "DONE" -> outcome = OutboxEntry.NOTICE.equals(row.kind()) ? "sent" : "written";
      case "DEAD" -> outcome = "failed";
      case "LOST" -> {
        return; // another worker owns the row now and reports it
      }
      default -> outcome = "retry";
    }
    if (OutboxEntry.NOTICE.equals(row.kind())) {
      Counter.builder("dunhub.notices")
          .description("Notices by channel: sent, to be retried, failed for good")
          .tag("channel", label(row.channel()))
          .tag("outcome", outcome)
          .register(registry)
          .increment();
    } else {
      Counter.builder("dunhub.writebacks")
          .description("Write-backs into the hosts: written, to be retried, failed for good")
          .tag("connection", label(row.connection()))
          .tag("outcome", outcome)
          .register(registry)
          .increment();
    }
    if ("DEAD".equals(status)) {
      Counter.builder("dunhub.outbox.dead.letters")
          .description("Outbox rows that became dead letters")
          .tag("kind", label(row.kind()))
          .register(registry)
          .increment();
    }
  }

  private static String label(String value) {
    return value == null ? "none" : value.toLowerCase(Locale.ROOT);
  }
}
