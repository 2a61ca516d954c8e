package io.dunhub.hub.admin.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.model.Activity;
import io.dunhub.core.model.ActivityType;
import io.dunhub.core.model.Party;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.dunning.DunningCases;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.sync.CanonicalJson;
import io.dunhub.hub.writeback.ActivityLog;
import io.dunhub.hub.writeback.WriteBackPlanner;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * What a collector does to a dunning case: pause, hold, dispute, promise to pay, escalate, exclude
 * the party, resume. Each change goes through {@link DunningCases} where it has the operation (so
 * the case is due for evaluation now), is recorded as an activity on the case's timeline (and
 * written back to the hosts like every activity), and names who did it.
 */
public final class CaseActions {

  /** The case an action is about. */
  public record Target(String caseId, String invoiceId, String partyId) {}

  private final Store store;
  private final Clock clock;
  private final DunningCases cases;
  private final Supplier<WriteBackPlanner> writeBacks;

  public CaseActions(
      Store store, Clock clock, DunningCases cases, Supplier<WriteBackPlanner> writeBacks) {
    this.store = store;
    this.clock = clock;
    this.cases = cases;
    this.writeBacks = writeBacks;
  }

  /** Pauses dunning until the day (exclusive) or, without one, until resumed. */
  public void pause(Target t, String by, String reason, LocalDate until) {
    cases.hold(t.invoiceId(), reason, until);
    setHoldKind(t, "pause");
    record(
        t,
        by,
        ActivityType.HOLD_PLACED,
        "Dunning paused" + (until == null ? "" : " until " + until) + ": " + reason,
        attrs("kind", "pause", "reason", reason, "until", until));
  }

  /** Holds the case until the day (exclusive). */
  public void hold(Target t, String by, String reason, LocalDate until) {
    cases.hold(t.invoiceId(), reason, until);
    setHoldKind(t, "hold");
    record(
        t,
        by,
        ActivityType.HOLD_PLACED,
        "On hold until " + until + ": " + reason,
        attrs("kind", "hold", "reason", reason, "until", until));
  }

  /** Opens or resolves a dispute. */
  public void dispute(Target t, String by, boolean open, String reason) {
    cases.dispute(t.invoiceId(), open);
    record(
        t,
        by,
        open ? ActivityType.DISPUTE_OPENED : ActivityType.DISPUTE_RESOLVED,
        (open ? "Dispute opened" : "Dispute resolved") + (reason == null ? "" : ": " + reason),
        attrs("reason", reason));
  }

  /** Records the customer's promise to pay by the date. */
  public void promise(Target t, String by, LocalDate date) {
    cases.promise(t.invoiceId(), date);
    record(
        t,
        by,
        ActivityType.PROMISE_TO_PAY,
        "Customer promised to pay by " + date,
        attrs("promised", date));
  }

  /** Escalates the case to a person (a task in the hosts); dunning goes on. */
  public void escalate(Target t, String by, String note) {
    Instant now = clock.instant();
    update(t, "escalated_at = :now, next_evaluation_at = :now", now);
    record(
        t,
        by,
        ActivityType.ESCALATED,
        "Escalated by " + by + (note == null ? "" : ": " + note),
        attrs("kind", "task", "assignee", "collections", "note", note));
  }

  /**
   * Excludes the case's party from dunning (or includes it again): the party's flag the evaluator
   * reads, in its row and its canonical record, and every case of the party due now.
   */
  public void exclude(Target t, String by, boolean excluded, String reason) {
    setExcluded(t.partyId(), excluded);
    record(
        t,
        by,
        ActivityType.NOTE,
        (excluded ? "Customer excluded from dunning" : "Customer included in dunning again")
            + (reason == null ? "" : ": " + reason),
        attrs("excluded", excluded, "reason", reason));
  }

  /**
   * Resumes dunning: releases a pause or hold, resolves a dispute, drops a promise and an
   * escalation, and includes the party again if it was excluded.
   */
  public void resume(Target t, String by) {
    Instant now = clock.instant();
    boolean wasExcluded =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT excluded_from_dunning FROM parties WHERE id = :id")
                        .bind("id", t.partyId())
                        .mapTo(Boolean.class)
                        .findOne()
                        .orElse(false));
    update(
        t,
        "hold_reason = NULL, hold_until = NULL, hold_kind = NULL, disputed = FALSE,"
            + " promised_date = NULL, escalated_at = NULL, next_evaluation_at = :now",
        now);
    if (wasExcluded) {
      setExcluded(t.partyId(), false);
    }
    record(
        t,
        by,
        ActivityType.HOLD_RELEASED,
        "Dunning resumed" + (wasExcluded ? " (customer included in dunning again)" : ""),
        attrs("kind", "resume"));
  }

  private void setHoldKind(Target t, String kind) {
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE dunning_cases SET hold_kind = :kind WHERE id = :id")
                    .bind("kind", kind)
                    .bind("id", t.caseId())
                    .execute());
  }

  private void update(Target t, String set, Instant now) {
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE dunning_cases SET "
                            + set
                            + ", version = version + 1, updated_at = :now WHERE id = :id")
                    .bind("now", now)
                    .bind("id", t.caseId())
                    .execute());
  }

  private void setExcluded(String partyId, boolean excluded) {
    Instant now = clock.instant();
    store
        .jdbi()
        .useTransaction(
            h -> {
              String data =
                  h.createQuery("SELECT data FROM parties WHERE id = :id")
                      .bind("id", partyId)
                      .mapTo(String.class)
                      .one();
              // the flag is set in the stored record itself, so every other field (and any the
              // model gains later) stays as it is
              ObjectNode record = CanonicalJson.parse(data);
              record.put("excludedFromDunning", excluded);
              CanonicalReader.read(record.toString(), Party.class, "parties/" + partyId);
              String text = CanonicalJson.text(record);
              h.createUpdate(
                      "UPDATE parties SET excluded_from_dunning = :ex, data = :data, hash = :hash,"
                          + " version = version + 1, updated_at = :now WHERE id = :id")
                  .bind("ex", excluded)
                  .bind("data", text)
                  .bind("hash", CanonicalJson.hash(text))
                  .bind("now", now)
                  .bind("id", partyId)
                  .execute();
              h.createUpdate(
                      "UPDATE dunning_cases SET next_evaluation_at = :now, version = version + 1,"
                          + " updated_at = :now WHERE party_id = :id AND closed = FALSE")
                  .bind("now", now)
                  .bind("id", partyId)
                  .execute();
            });
  }

  private void record(
      Target t, String by, ActivityType type, String text, Map<String, String> attributes) {
    Instant now = clock.instant();
    Map<String, String> all = new LinkedHashMap<>(attributes);
    all.put("by", by);
    Activity a =
        new Activity(
            UUID.randomUUID().toString(),
            type,
            now,
            t.partyId(),
            t.invoiceId(),
            null,
            null,
            null,
            text,
            text,
            all);
    store
        .jdbi()
        .useTransaction(
            (Handle h) -> {
              ActivityLog.record(h, a, t.caseId(), null);
              writeBacks.get().enqueue(h, a, null, null);
            });
  }

  private static Map<String, String> attrs(Object... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        m.put((String) pairs[i], pairs[i + 1].toString());
      }
    }
    return m;
  }
}
