package io.dunhub.hub.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.MutableClock;
import io.dunhub.hub.testing.StoreTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class JdbcOutboxTest {

  private static final RetryPolicy RETRY =
      new RetryPolicy(Duration.ofMinutes(1), Duration.ofMinutes(10), 3, Duration.ofMinutes(5));

  private static JdbcOutbox outbox(Store store, MutableClock clock) {
    return new JdbcOutbox(store, clock, RETRY);
  }

  private static void add(Store store, JdbcOutbox outbox, String key) {
    store
        .jdbi()
        .useTransaction(
            h ->
                outbox.enqueue(
                    h, new OutboxEntry(key, OutboxEntry.NOTICE, "EMAIL", null, "p1", "{}")));
  }

  @StoreTest
  void theSameKeyIsQueuedOnce(Store store) {
    MutableClock clock = MutableClock.atDefaultStart();
    JdbcOutbox outbox = outbox(store, clock);
    add(store, outbox, "notice:c1:due:EMAIL:x");
    add(store, outbox, "notice:c1:due:EMAIL:x");
    assertThat(outbox.all(OutboxEntry.NOTICE)).hasSize(1);
  }

  @StoreTest
  void concurrentWorkersNeverClaimTheSameRow(Store store) throws Exception {
    MutableClock clock = MutableClock.atDefaultStart();
    JdbcOutbox outbox = outbox(store, clock);
    for (int i = 0; i < 60; i++) {
      add(store, outbox, "k" + i);
    }
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    List<Long> duplicates = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        String worker = "w" + w;
        futures.add(
            pool.submit(
                () -> {
                  List<OutboxRow> rows;
                  while (!(rows = outbox.claim(worker, 5)).isEmpty()) {
                    for (OutboxRow r : rows) {
                      if (!seen.add(r.id())) {
                        synchronized (duplicates) {
                          duplicates.add(r.id());
                        }
                      }
                    }
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(duplicates).isEmpty();
    assertThat(seen).hasSize(60);
  }

  @StoreTest
  void failuresBackOffThenBecomeVisibleDeadLettersThatCanBeRequeued(Store store) {
    MutableClock clock = MutableClock.atDefaultStart();
    JdbcOutbox outbox = outbox(store, clock);
    add(store, outbox, "k1");
    Instant start = clock.instant();

    OutboxRow row = outbox.claim("w", 10).get(0);
    assertThat(outbox.fail(row.id(), "w", "smtp down", null, false)).contains("PENDING");
    assertThat(outbox.claim("w", 10)).isEmpty(); // backing off
    clock.set(start.plus(Duration.ofMinutes(1)));
    assertThat(outbox.claim("w", 10)).hasSize(1);
    assertThat(outbox.fail(row.id(), "w", "smtp down", null, false)).contains("PENDING");
    clock.set(start.plus(Duration.ofMinutes(2)));
    assertThat(outbox.claim("w", 10)).isEmpty(); // second back-off is 2 minutes
    clock.set(start.plus(Duration.ofMinutes(3)));
    assertThat(outbox.claim("w", 10)).hasSize(1);
    assertThat(outbox.fail(row.id(), "w", "smtp still down", null, false)).contains("DEAD");

    assertThat(outbox.dead())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.idempotencyKey()).isEqualTo("k1");
              assertThat(d.attempts()).isEqualTo(3);
              assertThat(d.lastError()).isEqualTo("smtp still down");
            });
    clock.set(start.plus(Duration.ofDays(1)));
    assertThat(outbox.claim("w", 10)).isEmpty();

    assertThat(outbox.retry(null)).isEqualTo(1);
    assertThat(outbox.dead()).isEmpty();
    OutboxRow again = outbox.claim("w", 10).get(0);
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(
            (boolean)
                store
                    .jdbi()
                    .<Boolean, RuntimeException>inTransaction(
                        h -> outbox.complete(h, again.id(), "w", "ok")))
        .isTrue();
    assertThat(outbox.all(OutboxEntry.NOTICE).get(0).status()).isEqualTo("DONE");
  }

  @StoreTest
  void aRowWhoseWorkerDiedIsReclaimedAfterItsLeaseAndTheOldClaimCannotComplete(Store store) {
    MutableClock clock = MutableClock.atDefaultStart();
    JdbcOutbox outbox = outbox(store, clock);
    add(store, outbox, "k1");
    OutboxRow first = outbox.claim("dead-worker", 10).get(0);
    assertThat(outbox.claim("w2", 10)).isEmpty();

    clock.advance(Duration.ofMinutes(6));
    assertThat(outbox.claim("w2", 10)).singleElement().extracting(OutboxRow::attempts).isEqualTo(2);
    assertThat(
            (boolean)
                store
                    .jdbi()
                    .<Boolean, RuntimeException>inTransaction(
                        h -> outbox.complete(h, first.id(), "dead-worker", "late")))
        .isFalse();
    assertThat(
            (boolean)
                store
                    .jdbi()
                    .<Boolean, RuntimeException>inTransaction(
                        h -> outbox.complete(h, first.id(), "w2", "ok")))
        .isTrue();
  }

  @StoreTest
  void permanentFailuresAreDeadAtOnce(Store store) {
    MutableClock clock = MutableClock.atDefaultStart();
    JdbcOutbox outbox = outbox(store, clock);
    add(store, outbox, "k1");
    OutboxRow row = outbox.claim("w", 10).get(0);
    assertThat(outbox.fail(row.id(), "w", "invalid number", null, true)).contains("DEAD");
  }
}
