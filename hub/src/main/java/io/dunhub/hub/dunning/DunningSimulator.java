package io.dunhub.hub.dunning;

import io.dunhub.hub.outbox.OutboxRelay;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Moves a settable clock through a period in fixed ticks; at each tick it runs the caller's hook
 * (sync, scripted events), the dunning sweep and the outbox relay, so a whole dunning cycle plays
 * out in seconds with every effect going through the configured channels.
 */
public final class DunningSimulator {

  /** What a simulation did. */
  public record Totals(int ticks, int actions, int delivered, int retried, int dead) {}

  private final Consumer<Instant> setClock;
  private final DunningSweep sweep;
  private final OutboxRelay relay;

  /**
   * @param setClock sets the clock every component reads
   */
  public DunningSimulator(Consumer<Instant> setClock, DunningSweep sweep, OutboxRelay relay) {
    this.setClock = setClock;
    this.sweep = sweep;
    this.relay = relay;
  }

  /**
   * Runs from {@code from} (inclusive) to {@code to} (exclusive).
   *
   * @param beforeTick runs first at every tick with the tick's instant (sync, test events)
   */
  public Totals run(Instant from, Instant to, Duration step, Consumer<Instant> beforeTick) {
    int ticks = 0, actions = 0, delivered = 0, retried = 0, dead = 0;
    for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
      setClock.accept(t);
      beforeTick.accept(t);
      actions += sweep.run(500).actions();
      OutboxRelay.Result r = relay.drain(100);
      delivered += r.done();
      retried += r.retried();
      dead += r.dead();
      ticks++;
    }
    return new Totals(ticks, actions, delivered, retried, dead);
  }
}
