package io.dunhub.hub.dunning;

import io.dunhub.hub.dunning.policy.PolicySet;
import io.dunhub.hub.store.Dialect;
import io.dunhub.hub.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dunning sweep: picks the parties with a case whose next evaluation is due (through the index
 * on {@code next_evaluation_at}, so its cost follows the work due, not the ledger), and evaluates
 * and applies each party in its own transaction with its case rows locked.
 */
public final class DunningSweep {

  /** What one sweep did. */
  public record Result(int casesOpened, int parties, int actions) {}

  /** Hears each finished sweep (the hub's metrics). */
  public interface Listener {
    /**
     * @param took the real time the sweep took (not the hub's clock, which a simulation moves)
     */
    void swept(Result result, Duration took);
  }

  private final Store store;
  private final Clock clock;
  private final DunningCases cases;
  private final Evaluator evaluator;
  private final DunningApplicator applicator;
  private final PolicySet policies;
  private volatile Listener listener = (result, took) -> {};

  public DunningSweep(
      Store store,
      Clock clock,
      DunningCases cases,
      Evaluator evaluator,
      DunningApplicator applicator,
      PolicySet policies) {
    this.store = store;
    this.clock = clock;
    this.cases = cases;
    this.evaluator = evaluator;
    this.applicator = applicator;
    this.policies = policies;
  }

  /** Tells {@code newListener} about every later sweep; returns this sweep. */
  public DunningSweep listen(Listener newListener) {
    this.listener = java.util.Objects.requireNonNull(newListener, "listener");
    return this;
  }

  /** Opens missing cases, then evaluates every party with due cases, {@code batch} at a time. */
  public Result run(int batch) {
    long startNanos = System.nanoTime();
    Result result = sweep(batch);
    listener.swept(result, Duration.ofNanos(System.nanoTime() - startNanos));
    return result;
  }

  private Result sweep(int batch) {
    int opened = cases.openMissing();
    int parties = 0;
    int actions = 0;
    while (true) {
      Instant now = clock.instant();
      List<String> due =
          store
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT party_id FROM dunning_cases WHERE next_evaluation_at <= :now GROUP BY party_id"
                                  + " ORDER BY MIN(next_evaluation_at) LIMIT :batch")
                          .bind("now", now)
                          .bind("batch", batch)
                          .mapTo(String.class)
                          .list());
      if (due.isEmpty()) {
        break;
      }
      for (String party : due) {
        actions += evaluateParty(party, now);
        parties++;
      }
      if (due.size() < batch) {
        break;
      }
    }
    return new Result(opened, parties, actions);
  }

  /** Evaluates and applies one party now; returns the number of actions applied. */
  public int evaluateParty(String partyId, Instant now) {
    return store
        .jdbi()
        .inTransaction(
            h -> {
              h.createQuery(
                      "SELECT id FROM dunning_cases WHERE party_id = :p ORDER BY id"
                          + (store.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : ""))
                  .bind("p", partyId)
                  .mapTo(String.class)
                  .list();
              Optional<LedgerReader.Loaded> loaded = LedgerReader.load(h, partyId, now);
              if (loaded.isEmpty()) {
                h.createUpdate(
                        "UPDATE dunning_cases SET next_evaluation_at = NULL, last_status = 'party not found' WHERE party_id = :p")
                    .bind("p", partyId)
                    .execute();
                return 0;
              }
              Evaluation e =
                  evaluator.evaluate(loaded.get().facts(), policies, loaded.get().history(), now);
              applicator.apply(h, loaded.get().facts(), e, now);
              return e.actions().size();
            });
  }

  /**
   * What would happen at {@code at} for one party (or every party with open cases), without
   * applying.
   */
  public List<Evaluation> plan(Instant at, String partyId) {
    return store
        .jdbi()
        .withHandle(
            h -> {
              List<String> parties =
                  partyId != null
                      ? List.of(partyId)
                      : h.createQuery(
                              "SELECT DISTINCT party_id FROM dunning_cases WHERE closed = FALSE ORDER BY party_id")
                          .mapTo(String.class)
                          .list();
              List<Evaluation> result = new ArrayList<>();
              for (String p : parties) {
                LedgerReader.load(h, p, at)
                    .ifPresent(
                        l -> result.add(evaluator.evaluate(l.facts(), policies, l.history(), at)));
              }
              return result;
            });
  }
}
