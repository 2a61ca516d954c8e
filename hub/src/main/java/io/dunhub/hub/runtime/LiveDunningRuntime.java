package io.dunhub.hub.runtime;

import io.dunhub.hub.admin.policy.PolicyChanges;
import io.dunhub.hub.dunning.DunningSweep;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import io.dunhub.hub.dunning.policy.PolicySet;
import io.dunhub.hub.outbox.JdbcOutbox;
import io.dunhub.hub.outbox.OutboxRelay;
import io.dunhub.hub.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's dunning engine, whose sweep follows the policies folder: when a policy is saved through
 * the admin API, a new sweep is built on the policies as they are on disk now and used from the
 * next sweep on (a sweep running at that moment finishes on the old ones), and every open case
 * waiting for a later evaluation or for none is made due, so that sweep looks at it under the new
 * policies (a step moved earlier or added after the last is not missed; the evaluator's guards
 * still space the contacts). The outbox and the relay stay the same. If the new policies cannot be
 * loaded, the old sweep keeps running and the problem is thrown to the caller.
 */
final class LiveDunningRuntime implements DunningRuntime, PolicyChanges {

  private static final Logger LOG = LoggerFactory.getLogger(LiveDunningRuntime.class);

  private final DunningRuntime first;
  private final Supplier<DunningRuntime> rebuild;
  private final Clock clock;
  private volatile DunningSweep sweep;

  /**
   * @param rebuild builds an engine on the policies as they are on disk now (throws with every
   *     problem when they have some)
   */
  LiveDunningRuntime(Supplier<DunningRuntime> rebuild, Clock clock) {
    this.rebuild = rebuild;
    this.clock = clock;
    this.first = rebuild.get();
    this.sweep = first.sweep();
  }

  @Override
  public void saved(PolicySet policies) {
    DunningSweep next = rebuild.get().sweep();
    sweep = next;
    Instant now = clock.instant();
    int due =
        first
            .store()
            .jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "UPDATE dunning_cases SET next_evaluation_at = :now, version = version + 1"
                                + " WHERE closed = FALSE AND (next_evaluation_at IS NULL OR next_evaluation_at > :now)")
                        .bind("now", now)
                        .execute());
    LOG.info(
        "dunning policies reloaded ({} and the default {}); {} open case(s) due for the next sweep",
        policies.ordered().stream().map(p -> p.id()).toList(),
        policies.fallback().id(),
        due);
  }

  @Override
  public Store store() {
    return first.store();
  }

  @Override
  public DunningSweep sweep() {
    return sweep;
  }

  @Override
  public JdbcOutbox outbox() {
    return first.outbox();
  }

  @Override
  public OutboxRelay relay() {
    return first.relay();
  }

  @Override
  public Consumer<Instant> clockSetter() {
    return first.clockSetter();
  }

  @Override
  public Runnable sync() {
    return first.sync();
  }
}
