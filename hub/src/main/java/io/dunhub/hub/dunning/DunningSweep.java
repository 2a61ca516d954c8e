package io.dunhub.hub.dunning;

import io.dunhub.hub.dunning.policy.PolicySet;
import io.dunhub.hub.store.Dialect;
import io.dunhub.hub.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dunning sweep: picks the parties with a case whose next evaluation is due (through the index
 * on {@code (next_evaluation_at, id)}, so its cost follows the work due, not the ledger), and
 * evaluates and applies them in groups, each group in one transaction with its case rows locked.
 */
public final class DunningSweep {

  private static final Logger LOG = LoggerFactory.getLogger(DunningSweep.class);

  /** What one sweep did. */
  public record Result(int casesOpened, int parties, int actions) {}

  private final Store store;
  private final Clock clock;
  private final DunningCases cases;
  private final Evaluator evaluator;
  private final DunningApplicator applicator;
  private final PolicySet policies;

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

  /** Parties evaluated in one transaction (one commit, so one disk flush, per group). */
  static final int PARTIES_PER_TRANSACTION = 50;

  /**
   * Opens missing cases, then evaluates every party with due cases: the due cases are read through
   * the index in {@code (next_evaluation_at, id)} order, {@code batch} at a time, each batch after
   * the last one read (so each due row is read once, whatever the backlog), and their parties are
   * evaluated {@value #PARTIES_PER_TRANSACTION} to a transaction. A party is evaluated at most once
   * per run. When a group fails, its parties are retried one transaction each, so one party that
   * cannot be evaluated (logged with its reason, left due for the next sweep) does not hold up the
   * others.
   */
  public Result run(int batch) {
    int opened = cases.openMissing();
    Instant now = clock.instant();
    Set<String> evaluated = new HashSet<>();
    int parties = 0;
    int actions = 0;
    Instant afterAt = null;
    String afterId = null;
    while (true) {
      List<DueCase> due = dueCases(now, afterAt, afterId, batch);
      if (due.isEmpty()) {
        break;
      }
      Set<String> batchParties = new LinkedHashSet<>();
      for (DueCase d : due) {
        if (!evaluated.contains(d.partyId())) {
          batchParties.add(d.partyId());
        }
      }
      List<String> todo = new ArrayList<>(batchParties);
      for (int i = 0; i < todo.size(); i += PARTIES_PER_TRANSACTION) {
        List<String> group = todo.subList(i, Math.min(todo.size(), i + PARTIES_PER_TRANSACTION));
        actions += evaluateGroup(group, now);
        parties += group.size();
      }
      evaluated.addAll(todo);
      DueCase last = due.get(due.size() - 1);
      afterAt = last.at();
      afterId = last.caseId();
      if (due.size() < batch) {
        break;
      }
    }
    return new Result(opened, parties, actions);
  }

  private record DueCase(String caseId, String partyId, Instant at) {}

  private List<DueCase> dueCases(Instant now, Instant afterAt, String afterId, int batch) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT id, party_id, next_evaluation_at FROM dunning_cases WHERE next_evaluation_at <= :now"
                            + (afterAt == null
                                ? ""
                                : " AND next_evaluation_at >= :at AND (next_evaluation_at > :at OR id > :id)")
                            + " ORDER BY next_evaluation_at, id LIMIT :batch")
                    .bind("now", now)
                    .bindByType("at", afterAt, Instant.class)
                    .bind("id", afterId)
                    .bind("batch", batch)
                    .map(
                        (rs, ctx) ->
                            new DueCase(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getObject(3, java.time.OffsetDateTime.class).toInstant()))
                    .list());
  }

  private int evaluateGroup(List<String> group, Instant now) {
    try {
      return store.jdbi().inTransaction(h -> evaluate(h, group, now));
    } catch (RuntimeException groupFailed) {
      if (group.size() == 1) {
        LOG.warn(
            "dunning: party {} could not be evaluated; it stays due for the next sweep: {}",
            group.get(0),
            groupFailed.toString());
        return 0;
      }
      int n = 0;
      for (String party : group) {
        n += evaluateGroup(List.of(party), now);
      }
      return n;
    }
  }

  /** Evaluates and applies one party now; returns the number of actions applied. */
  public int evaluateParty(String partyId, Instant now) {
    return store.jdbi().inTransaction(h -> evaluate(h, List.of(partyId), now));
  }

  /** Evaluates and applies parties in the caller's transaction, their case rows locked. */
  private int evaluate(org.jdbi.v3.core.Handle h, List<String> partyIds, Instant now) {
    if (store.dialect() == Dialect.POSTGRESQL) {
      // lock the parties' cases against a concurrent state change (HSQLDB's MVCC has no row locks
      // to take; one sweep runs at a time there)
      h.createQuery("SELECT id FROM dunning_cases WHERE party_id IN (<ids>) ORDER BY id FOR UPDATE")
          .bindList("ids", partyIds)
          .mapTo(String.class)
          .list();
    }
    java.util.Map<String, LedgerReader.Loaded> loaded = LedgerReader.loadAll(h, partyIds, now);
    DunningApplicator.Deferred deferred = applicator.deferred(h);
    List<String> caseIds = new ArrayList<>();
    loaded.values().forEach(l -> l.facts().cases().forEach(c -> caseIds.add(c.caseId())));
    deferred.preloadFees(h, caseIds);
    int actions = 0;
    for (String partyId : partyIds) {
      LedgerReader.Loaded l = loaded.get(partyId);
      if (l == null) {
        h.createUpdate(
                "UPDATE dunning_cases SET next_evaluation_at = NULL, last_status = 'party not found' WHERE party_id = :p")
            .bind("p", partyId)
            .execute();
        continue;
      }
      Evaluation e = evaluator.evaluate(l.facts(), policies, l.history(), now);
      applicator.apply(h, l.facts(), e, now, deferred);
      actions += e.actions().size();
    }
    deferred.flush();
    return actions;
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
