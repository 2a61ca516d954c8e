package io.dunhub.hub.dunning.cli;

import io.dunhub.hub.dunning.DunningSweep;
import io.dunhub.hub.outbox.JdbcOutbox;
import io.dunhub.hub.outbox.OutboxRelay;
import io.dunhub.hub.store.Store;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What the dunning and outbox commands need from the running hub. The CLI builds it from the
 * configuration (store, policies, channels, connections) and hands it to {@link DunningCommands}.
 */
public interface DunningRuntime {

  Store store();

  DunningSweep sweep();

  JdbcOutbox outbox();

  OutboxRelay relay();

  /** Sets the clock every component reads; used by {@code simulate} only. */
  Consumer<Instant> clockSetter();

  /** Runs one sync of every connection (a no-op when none is configured). */
  Runnable sync();
}
