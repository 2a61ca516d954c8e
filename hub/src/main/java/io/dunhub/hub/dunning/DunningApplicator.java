package io.dunhub.hub.dunning;

import io.dunhub.core.model.Activity;
import io.dunhub.core.model.ActivityType;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.Money;
import io.dunhub.hub.notice.Brand;
import io.dunhub.hub.notice.NoticeContent;
import io.dunhub.hub.notice.NoticeLine;
import io.dunhub.hub.notice.NoticePayload;
import io.dunhub.hub.notice.TrackingLinks;
import io.dunhub.hub.outbox.JdbcOutbox;
import io.dunhub.hub.outbox.OutboxEntry;
import io.dunhub.hub.store.Dialect;
import io.dunhub.hub.writeback.ActivityLog;
import io.dunhub.hub.writeback.WriteBackPlanner;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Applies an evaluation in the caller's transaction: records every step (at most once per case and
 * step), charges fees, writes activities, renders notices into outbox rows, and sets each case's
 * next evaluation. Nothing leaves the hub here: effects leave only through the outbox. A notice's
 * row carries its content as decided; the relay renders it when it sends ({@link NoticePayload}).
 */
public final class DunningApplicator {

  private final JdbcOutbox outbox;
  private final WriteBackPlanner writeBacks;
  private final Brand brand;
  private final TrackingLinks links;
  private final Dialect dialect;

  public DunningApplicator(
      JdbcOutbox outbox, WriteBackPlanner writeBacks, Brand brand, TrackingLinks links) {
    this.outbox = outbox;
    this.writeBacks = writeBacks;
    this.brand = brand;
    this.links = links;
    this.dialect = outbox.dialect();
  }

  /**
   * A case row was changed by someone else between the sweep's read and its write (its version
   * moved): the transaction must roll back, notices included, and the party be decided again.
   */
  public static final class CaseChanged extends IllegalStateException {
    CaseChanged(String message) {
      super(message);
    }
  }

  /** The idempotency key of a notice: (lead case, step, channel, recipient). */
  public static String noticeKey(DunningAction.Notice n) {
    return (n.thankYou() ? "thank-you:" : "notice:")
        + n.caseIds().get(0)
        + ":"
        + n.stepIds().get(0)
        + ":"
        + n.channel().name()
        + ":"
        + (n.recipient() != null ? n.recipient() : n.address());
  }

  /**
   * Writes a sweep collects over a group of parties and sends as JDBC batches before it commits:
   * the steps of notices, the notices' outbox rows and the cases' plans. (Steps that gate other
   * writes — fees, tasks — are written at once.)
   */
  public final class Deferred {
    private final Handle handle;
    private final PreparedBatch steps;
    private final PreparedBatch notices;
    private final PlanWrites plans = new PlanWrites();
    private java.util.Map<String, BigDecimal> fees;

    private Deferred(Handle h, boolean failOnConflict) {
      this.handle = h;
      List<String> stepColumns = List.of("case_id", "step_id", "policy_id", "outcome", "taken_at");
      this.steps =
          h.prepareBatch(
              failOnConflict
                  ? Dialect.insert("dunning_steps", stepColumns)
                  : dialect.insertIfAbsent(
                      "dunning_steps", List.of("case_id", "step_id"), stepColumns));
      this.notices = outbox.batch(h, failOnConflict);
    }

    /**
     * Reads the fees already charged on these cases, in one query, so that notices need not ask per
     * invoice; fees charged while applying are added as they are.
     */
    public void preloadFees(Handle h, java.util.Collection<String> caseIds) {
      fees = new java.util.HashMap<>();
      if (caseIds.isEmpty()) {
        return;
      }
      h.createQuery(
              "SELECT case_id, currency, SUM(amount) FROM dunning_fees WHERE case_id IN (<ids>)"
                  + " GROUP BY case_id, currency")
          .bindList("ids", List.copyOf(caseIds))
          .map((rs, ctx) -> Map.entry(rs.getString(1) + ":" + rs.getString(2), rs.getBigDecimal(3)))
          .forEach(e -> fees.put(e.getKey(), e.getValue()));
    }

    private void charged(String caseId, Money fee) {
      if (fees != null) {
        fees.merge(caseId + ":" + fee.currency().getCurrencyCode(), fee.amount(), BigDecimal::add);
      }
    }

    /** Sends the collected writes. */
    public void flush() {
      for (PreparedBatch b : List.of(steps, notices)) {
        if (b.size() > 0) {
          b.execute();
        }
      }
      plans.write(handle);
    }
  }

  /**
   * The plans of a group's cases, written at flush: on PostgreSQL in one {@code UPDATE … FROM
   * unnest(…)} statement (a batch of one update per case cost the sweep more database time than any
   * other statement: each is planned and executed on its own), on HSQLDB as a JDBC batch.
   */
  private final class PlanWrites {
    private final List<String> ids = new ArrayList<>();
    private final List<String> policies = new ArrayList<>();
    private final List<Instant> nexts = new ArrayList<>();
    private final List<String> statuses = new ArrayList<>();
    private final List<Boolean> closed = new ArrayList<>();
    private final List<Long> versions = new ArrayList<>();
    private Instant now;

    /**
     * @param version the row's version the plan was decided on (null: write whatever the version)
     */
    void add(CasePlan plan, boolean isClosed, Long version, Instant at) {
      ids.add(plan.caseId());
      versions.add(version);
      policies.add(plan.policyId());
      nexts.add(plan.nextEvaluation());
      statuses.add(plan.status());
      closed.add(isClosed);
      now = at;
    }

    void write(Handle h) {
      if (ids.isEmpty()) {
        return;
      }
      if (dialect == Dialect.POSTGRESQL) {
        java.util.Set<String> written =
            new java.util.HashSet<>(
                h.createQuery(
                        "UPDATE dunning_cases c SET policy_id = COALESCE(c.policy_id, v.policy),"
                            + " next_evaluation_at = v.next, last_status = v.status, last_evaluated_at = :now,"
                            + " closed = v.closed, version = c.version + 1, updated_at = :now"
                            + " FROM unnest(CAST(:ids AS text[]), CAST(:policies AS text[]),"
                            + " CAST(CAST(:nexts AS text[]) AS timestamptz[]), CAST(:statuses AS text[]),"
                            + " CAST(:closed AS boolean[]), CAST(:versions AS bigint[]))"
                            + " AS v(id, policy, next, status, closed, version)"
                            + " WHERE c.id = v.id AND c.version = COALESCE(v.version, c.version)"
                            + " RETURNING c.id")
                    .bindArray("ids", String.class, ids)
                    .bindArray("policies", String.class, policies)
                    // ISO-8601 instants with their "Z": the cast reads them whatever the session's
                    // zone
                    .bindArray(
                        "nexts",
                        String.class,
                        nexts.stream().map(t -> t == null ? null : t.toString()).toList())
                    .bindArray("statuses", String.class, statuses)
                    .bindArray("closed", Boolean.class, closed)
                    .bindArray("versions", Long.class, versions)
                    .bind("now", now)
                    .mapTo(String.class)
                    .list());
        if (written.size() != ids.size()) {
          throw changed(ids.stream().filter(id -> !written.contains(id)).toList());
        }
      } else {
        PreparedBatch batch =
            h.prepareBatch(
                "UPDATE dunning_cases SET policy_id = COALESCE(policy_id, :policy), next_evaluation_at = :next,"
                    + " last_status = :status, last_evaluated_at = :now, closed = :closed, version = version + 1,"
                    + " updated_at = :now WHERE id = :id AND version = COALESCE(CAST(:version AS BIGINT), version)");
        for (int i = 0; i < ids.size(); i++) {
          batch
              .bind("policy", policies.get(i))
              .bindByType("next", nexts.get(i), Instant.class)
              .bind("status", statuses.get(i))
              .bind("now", now)
              .bind("closed", closed.get(i))
              .bind("id", ids.get(i))
              .bindByType("version", versions.get(i), Long.class)
              .add();
        }
        int[] counts = batch.execute();
        List<String> moved = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] == 0) {
            moved.add(ids.get(i));
          }
        }
        if (!moved.isEmpty()) {
          throw changed(moved);
        }
      }
      ids.clear();
      policies.clear();
      nexts.clear();
      statuses.clear();
      closed.clear();
      versions.clear();
    }

    /** The cases whose row was no longer at the version read (or no longer there). */
    private CaseChanged changed(List<String> moved) {
      return new CaseChanged(
          "dunning case(s) "
              + moved
              + " changed while the sweep decided them; decided again on what is stored now");
    }
  }

  /**
   * Collects writes over several {@link #apply} calls in one transaction; flush before commit. A
   * notice's step or outbox row that exists already is skipped.
   */
  public Deferred deferred(Handle h) {
    return new Deferred(h, false);
  }

  /**
   * Like {@link #deferred(Handle)}, but a notice's step or outbox row that exists already fails the
   * flush, and so the transaction, instead of being skipped: for a caller that then decides again
   * with {@link #deferred(Handle)} on what is stored (the sweep's groups of parties, whose parties
   * are retried one by one). Such a row means someone else decided the same step meanwhile (another
   * node's sweep), and that case's version check would fail the group anyway; a plain insert costs
   * the database less than one that checks for an existing row.
   */
  public Deferred deferredFailingOnConflict(Handle h) {
    return new Deferred(h, true);
  }

  public void apply(Handle h, PartyFacts facts, Evaluation evaluation, Instant now) {
    Deferred d = deferred(h);
    apply(h, facts, evaluation, now, d, Map.of());
    d.flush();
  }

  /**
   * Applies an evaluation, its writes collected in {@code deferred}.
   *
   * @param stored the cases' plans as the store has them: a plan that would change nothing is not
   *     written (a party's other cases, evaluated with the due one, mostly keep theirs)
   */
  public void apply(
      Handle h,
      PartyFacts facts,
      Evaluation evaluation,
      Instant now,
      Deferred deferred,
      Map<String, LedgerReader.StoredPlan> stored) {
    Map<String, CaseFacts> cases =
        facts.cases().stream().collect(Collectors.toMap(CaseFacts::caseId, Function.identity()));
    Map<String, String> policyOf =
        evaluation.plans().stream()
            .filter(p -> p.policyId() != null)
            .collect(Collectors.toMap(CasePlan::caseId, CasePlan::policyId, (a, b) -> a));
    for (DunningAction action : evaluation.actions()) {
      if (action instanceof DunningAction.Notice n) {
        notice(h, facts, cases, n, now, deferred);
        for (int i = 0; i < n.caseIds().size(); i++) {
          deferred
              .steps
              .bind("case_id", n.caseIds().get(i))
              .bind("step_id", n.stepIds().get(i))
              .bind("policy_id", n.policyId())
              .bind("outcome", "done")
              .bind("taken_at", now)
              .add();
        }
      } else if (action instanceof DunningAction.LateFee f) {
        if (step(h, f.caseId(), f.stepId(), policyOf.get(f.caseId()), "done", now)) {
          h.createUpdate(
                  "INSERT INTO dunning_fees (case_id, step_id, currency, amount, description, applied_at)"
                      + " VALUES (:c, :s, :cur, :amt, :d, :at)")
              .bind("c", f.caseId())
              .bind("s", f.stepId())
              .bind("cur", f.amount().currency().getCurrencyCode())
              .bind("amt", f.amount().amount())
              .bind("d", f.description())
              .bind("at", now)
              .execute();
          deferred.charged(f.caseId(), f.amount());
          activity(
              h,
              facts,
              cases.get(f.caseId()),
              ActivityType.FEE_APPLIED,
              f.stepId(),
              f.description(),
              Map.of(
                  "amount",
                  f.amount().amount().toPlainString(),
                  "currency",
                  f.amount().currency().getCurrencyCode()),
              now);
        }
      } else if (action instanceof DunningAction.HumanTask t) {
        for (String caseId : t.caseIds()) {
          if (step(h, caseId, t.stepId(), policyOf.get(caseId), "done", now)) {
            activity(
                h,
                facts,
                cases.get(caseId),
                ActivityType.ESCALATED,
                t.stepId(),
                t.subject(),
                Map.of("kind", "task", "assignee", t.assignee()),
                now);
          }
        }
      } else if (action instanceof DunningAction.HandOver o) {
        for (String caseId : o.caseIds()) {
          if (step(h, caseId, o.stepId(), policyOf.get(caseId), "done", now)) {
            h.createUpdate("UPDATE dunning_cases SET handed_over = TRUE WHERE id = :id")
                .bind("id", caseId)
                .execute();
            activity(
                h,
                facts,
                cases.get(caseId),
                ActivityType.HANDED_TO_COLLECTIONS,
                o.stepId(),
                "Handed over to collections (" + o.assignee() + ")",
                Map.of("kind", "task", "assignee", o.assignee()),
                now);
          }
        }
      } else if (action instanceof DunningAction.PromiseBroken p) {
        if (step(h, p.caseId(), p.stepId(), policyOf.get(p.caseId()), "done", now)) {
          h.createUpdate("UPDATE dunning_cases SET promised_date = NULL WHERE id = :id")
              .bind("id", p.caseId())
              .execute();
          activity(
              h,
              facts,
              cases.get(p.caseId()),
              ActivityType.PROMISE_BROKEN,
              p.stepId(),
              "Promise to pay by " + p.promised() + " was not kept",
              Map.of("promised", p.promised().toString()),
              now);
        }
      } else if (action instanceof DunningAction.StepSkipped s) {
        step(h, s.caseId(), s.stepId(), policyOf.get(s.caseId()), "skipped: " + s.reason(), now);
      }
    }
    for (CasePlan plan : evaluation.plans()) {
      boolean closed =
          plan.nextEvaluation() == null
              && (plan.status().startsWith("closed")
                  || plan.status().startsWith("paid: thank-you sent")
                  || plan.status().startsWith("handing over")
                  || plan.status().startsWith("handed over"));
      LedgerReader.StoredPlan old = stored.get(plan.caseId());
      if (!closed && old != null && old.sameAs(plan) && !old.dueAt(now)) {
        continue;
      }
      // a case decided now is written back at the version it was read, whether its plan changed
      // or not: a change someone made meanwhile is never overwritten nor acted against
      deferred.plans.add(plan, closed, old == null ? null : old.version(), now);
    }
  }

  private boolean step(
      Handle h, String caseId, String stepId, String policyId, String outcome, Instant now) {
    return h.createUpdate(
                dialect.insertIfAbsent(
                    "dunning_steps",
                    List.of("case_id", "step_id"),
                    List.of("case_id", "step_id", "policy_id", "outcome", "taken_at")))
            .bind("case_id", caseId)
            .bind("step_id", stepId)
            .bind("policy_id", policyId)
            .bind("outcome", outcome)
            .bind("taken_at", now)
            .execute()
        > 0;
  }

  private void activity(
      Handle h,
      PartyFacts facts,
      CaseFacts c,
      ActivityType type,
      String stepId,
      String text,
      Map<String, String> attributes,
      Instant now) {
    String id =
        UUID.nameUUIDFromBytes(
                (type + ":" + c.caseId() + ":" + stepId).getBytes(StandardCharsets.UTF_8))
            .toString();
    Activity a =
        new Activity(
            id,
            type,
            now,
            facts.partyId(),
            c.invoice().id(),
            null,
            null,
            null,
            text,
            text,
            attributes);
    ActivityLog.record(h, a, c.caseId(), null);
    writeBacks.enqueue(h, a, null, null);
  }

  private void notice(
      Handle h,
      PartyFacts facts,
      Map<String, CaseFacts> cases,
      DunningAction.Notice n,
      Instant now,
      Deferred deferred) {
    String key = noticeKey(n);
    List<NoticeLine> lines = new ArrayList<>();
    List<String> invoiceIds = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (String caseId : n.caseIds()) {
      Invoice inv = cases.get(caseId).invoice();
      invoiceIds.add(inv.id());
      numbers.add(inv.number());
      lines.add(
          new NoticeLine(
              inv.number(),
              inv.issueDate(),
              inv.dueDate(),
              inv.total(),
              inv.openBalance(),
              fees(h, deferred, caseId, inv.openBalance()),
              inv.paymentLink()));
    }
    LocalDate today = now.atZone(facts.party().timeZone()).toLocalDate();
    String payTarget =
        lines.size() == 1
            ? lines.get(0).paymentLink()
            : cases.get(n.caseIds().get(0)).invoice().paymentLink();
    String unsubscribe = n.thankYou() ? null : links.unsubscribe(key);
    NoticeContent content =
        new NoticeContent(
            brand,
            facts.party().locale(),
            facts.party().name(),
            contactName(facts, n),
            lines,
            today,
            n.thankYou() ? null : links.click(key, payTarget),
            unsubscribe,
            n.channel() == io.dunhub.core.model.Channel.EMAIL ? links.openPixel(key) : null,
            facts.party().address() == null ? List.of() : facts.party().address().lines());
    NoticePayload payload =
        new NoticePayload(
            facts.partyId(),
            n.caseIds(),
            invoiceIds,
            numbers,
            n.stepIds(),
            n.recipient(),
            n.channel().name(),
            n.address(),
            n.recipientName(),
            n.template(),
            n.finalNotice(),
            n.thankYou(),
            null,
            null,
            null,
            null,
            null,
            unsubscribe,
            content);
    outbox.add(
        deferred.notices,
        new OutboxEntry(
            key,
            OutboxEntry.NOTICE,
            n.channel().name(),
            null,
            facts.partyId(),
            CanonicalReader.write(payload)));
  }

  private static String contactName(PartyFacts facts, DunningAction.Notice n) {
    if (n.recipient() == null) {
      return null;
    }
    return facts.contacts().stream()
        .filter(c -> n.recipient().equals(c.id()))
        .map(Contact::displayName)
        .findFirst()
        .orElse(n.recipientName());
  }

  private static Money fees(Handle h, Deferred deferred, String caseId, Money like) {
    BigDecimal sum =
        deferred.fees != null
            ? deferred.fees.getOrDefault(
                caseId + ":" + like.currency().getCurrencyCode(), BigDecimal.ZERO)
            : h.createQuery(
                    "SELECT COALESCE(SUM(amount), 0) FROM dunning_fees WHERE case_id = :id AND currency = :cur")
                .bind("id", caseId)
                .bind("cur", like.currency().getCurrencyCode())
                .mapTo(BigDecimal.class)
                .one();
    return new Money(
        sum.setScale(
            Math.max(like.currency().getDefaultFractionDigits(), 0),
            java.math.RoundingMode.HALF_UP),
        like.currency());
  }
}
