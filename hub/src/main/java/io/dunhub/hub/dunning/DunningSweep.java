package io.dunhub.hub.dunning;

import io.dunhub.hub.dunning.policy.PolicySet;
import io.dunhub.hub.store.Dialect;
import io.dunhub.hub.store.Store;
import java.time.Clock;
import java.time.Duration;
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
 * evaluates and applies them in groups, each group in one transaction whose plans are written back
 * only onto case rows nobody changed meanwhile.
 */
public final class DunningSweep {

  private static final Logger LOG = LoggerFactory.getLogger(DunningSweep.class);

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
  private final int threads;
  private volatile Listener listener = (result, took) -> {};

  public DunningSweep(
      Store store,
      Clock clock,
      DunningCases cases,
      Evaluator evaluator,
      DunningApplicator applicator,
      PolicySet policies) {
    this(store, clock, cases, evaluator, applicator, policies, defaultThreads(store.dialect()));
  }

  /**
   * @param threads how many groups of parties are evaluated at once (1: all in the caller's thread)
   */
  public DunningSweep(
      Store store,
      Clock clock,
      DunningCases cases,
      Evaluator evaluator,
      DunningApplicator applicator,
      PolicySet policies,
      int threads) {
    this.store = store;
    this.clock = clock;
    this.cases = cases;
    this.evaluator = evaluator;
    this.applicator = applicator;
    this.policies = policies;
    if (threads < 1) {
      throw new IllegalArgumentException("a sweep needs at least one thread, not " + threads);
    }
    this.threads = threads;
  }

  /**
   * On PostgreSQL one evaluation thread per core, at most four (the store's pool has room for
   * them); on the embedded HSQLDB one: its transactions serialise on the same tables, so parallel
   * groups only wait for each other (measured: five times slower with two threads).
   */
  public static int defaultThreads(Dialect dialect) {
    return dialect == Dialect.HSQLDB
        ? 1
        : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  /** Tells {@code newListener} about every later sweep; returns this sweep. */
  public DunningSweep listen(Listener newListener) {
    this.listener = java.util.Objects.requireNonNull(newListener, "listener");
    return this;
  }

  /** Parties evaluated in one transaction (one commit, so one disk flush, per group). */
  public static final int PARTIES_PER_TRANSACTION = 250;

  /**
   * Evaluates every party with due cases (the first run of a process first {@linkplain #catchUp()
   * opens missing cases}): the due cases are read through the index in {@code (next_evaluation_at,
   * id)} order, {@code batch} at a time, each batch after the last one read (so each due row is
   * read once, whatever the backlog), and their parties are evaluated {@value
   * #PARTIES_PER_TRANSACTION} to a transaction. A party is evaluated at most once per run. When a
   * group fails, its parties are retried one transaction each, so one party that cannot be
   * evaluated (logged with its reason, left due for the next sweep) does not hold up the others.
   */
  public Result run(int batch) {
    long startNanos = System.nanoTime();
    Result result = sweep(batch);
    listener.swept(result, Duration.ofNanos(System.nanoTime() - startNanos));
    return result;
  }

  /**
   * Opens the cases of open invoices that have none — invoices stored while the hub was down or by
   * a version that did not open cases in the sync. The first sweep of a process does it; after that
   * the sync opens each new invoice's case as it stores it ({@link CaseTriggers}).
   *
   * @return how many cases were opened
   */
  public synchronized int catchUp() {
    int opened = cases.openMissing();
    caughtUp = true;
    return opened;
  }

  private volatile boolean caughtUp;

  private Result sweep(int batch) {
    int opened = caughtUp ? 0 : catchUp();
    Instant now = clock.instant();
    Set<String> evaluated = new HashSet<>();
    int parties = 0;
    Instant afterAt = null;
    String afterId = null;
    Workers workers = new Workers();
    try {
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
          List<String> group =
              List.copyOf(todo.subList(i, Math.min(todo.size(), i + PARTIES_PER_TRANSACTION)));
          workers.submit(group, now);
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
    } finally {
      workers.close();
    }
    return new Result(opened, parties, workers.actions());
  }

  /**
   * Evaluates groups of parties on {@link #threads} threads while the sweep reads the next page of
   * due cases: one group's evaluation (parsing records, the business calendar, building notices)
   * runs while the database reads or writes another's. Groups hold disjoint parties, so their
   * writes never meet. With one thread, groups run in the sweep's own thread.
   */
  private final class Workers implements AutoCloseable {
    private final java.util.concurrent.ExecutorService pool =
        threads > 1
            ? java.util.concurrent.Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread t = new Thread(r, "dunhub-sweep");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    private final java.util.ArrayDeque<java.util.concurrent.Future<Integer>> inFlight =
        new java.util.ArrayDeque<>();
    private int actions;

    void submit(List<String> group, Instant now) {
      if (pool == null) {
        actions += evaluateGroup(group, now);
        return;
      }
      while (inFlight.size() >= threads * 2) {
        actions += await(inFlight.poll());
      }
      inFlight.add(pool.submit(() -> evaluateGroup(group, now)));
    }

    int actions() {
      return actions;
    }

    private int await(java.util.concurrent.Future<Integer> f) {
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("the dunning sweep was interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        // evaluateGroup logs and skips the parties it cannot evaluate; anything else is a bug
        throw new IllegalStateException("a dunning sweep worker failed", e.getCause());
      }
    }

    @Override
    public void close() {
      if (pool == null) {
        return;
      }
      try {
        while (!inFlight.isEmpty()) {
          actions += await(inFlight.poll());
        }
      } finally {
        pool.shutdownNow();
      }
    }
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
      if (group.size() == 1 && groupFailed instanceof DunningApplicator.CaseChanged) {
        // someone changed the party's case while it was decided: decide again on what is stored
        // now (twice at most; a case changed that often waits for the next sweep)
        for (int attempt = 0; attempt < 2; attempt++) {
          try {
            return store.jdbi().inTransaction(h -> evaluate(h, group, now));
          } catch (DunningApplicator.CaseChanged again) {
            groupFailed = again;
          } catch (RuntimeException other) {
            groupFailed = other;
            break;
          }
        }
      }
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

  /**
   * Evaluates and applies the parties' due cases in the caller's transaction. A party's cases that
   * are not due keep their plan and are not read, with one exception: when a due case has its
   * policy chosen now and some policy has an open-balance condition, the choice needs the party's
   * whole open balance, so all its open cases are read and decided.
   *
   * <p>Nothing is locked while deciding: each plan is written back only onto the case row at the
   * version it was read. A case that someone changed meanwhile (a sync, a person in the console,
   * another node's sweep) fails the write, the transaction rolls back with its notices, and the
   * party is decided again on what is stored now ({@link #evaluateGroup}).
   */
  private int evaluate(org.jdbi.v3.core.Handle h, List<String> partyIds, Instant now) {
    java.util.Map<String, LedgerReader.Loaded> loaded =
        LedgerReader.loadAll(h, partyIds, now, LedgerReader.Scope.DUE);
    if (policies.choiceReadsBalance()) {
      List<String> whole =
          loaded.values().stream()
              .filter(
                  l ->
                      l.facts().cases().stream()
                          .anyMatch(c -> policies.choosesFor(c.state().policyId())))
              .map(l -> l.facts().partyId())
              .toList();
      if (!whole.isEmpty()) {
        loaded.putAll(LedgerReader.loadAll(h, whole, now, LedgerReader.Scope.ALL_OPEN));
      }
    }
    // a group's existing step or notice row fails it, and its parties are retried one by one,
    // each skipping what exists (evaluateGroup)
    DunningApplicator.Deferred deferred =
        partyIds.size() > 1 ? applicator.deferredFailingOnConflict(h) : applicator.deferred(h);
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
      applicator.apply(h, l.facts(), e, now, deferred, l.stored());
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
