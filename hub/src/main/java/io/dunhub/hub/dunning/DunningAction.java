package io.dunhub.hub.dunning;

import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Money;
import java.time.LocalDate;
import java.util.List;

/** One thing the evaluator decided to do. The applicator turns each into rows and outbox rows. */
public sealed interface DunningAction {

  /** The cases the action concerns (the first one leads, e.g. in idempotency keys). */
  List<String> caseIds();

  /** The step the action belongs to. */
  String stepId();

  /**
   * A message to a recipient through a channel, about one or more cases (consolidated), each at its
   * own step ({@code stepIds} line up with {@code caseIds}).
   *
   * @param recipient the contact id, or null when sent to the party's own address
   * @param address where it goes (email address, phone number, or the party name for letters)
   * @param finalNotice a formal final notice (with a PDF letter)
   * @param thankYou the thank-you after full payment
   */
  record Notice(
      List<String> caseIds,
      List<String> stepIds,
      String policyId,
      Channel channel,
      String recipient,
      String address,
      String recipientName,
      String template,
      int tone,
      boolean finalNotice,
      boolean thankYou)
      implements DunningAction {
    public Notice {
      caseIds = List.copyOf(caseIds);
      stepIds = List.copyOf(stepIds);
      if (caseIds.size() != stepIds.size() || caseIds.isEmpty()) {
        throw new IllegalArgumentException("a notice needs one step per case");
      }
    }

    @Override
    public String stepId() {
      return stepIds.get(0);
    }
  }

  /** A late fee or statutory interest added to a case. */
  record LateFee(String caseId, String stepId, Money amount, String description)
      implements DunningAction {
    @Override
    public List<String> caseIds() {
      return List.of(caseId);
    }
  }

  /** A task for a person (account owner or queue) in the CRM. */
  record HumanTask(List<String> caseIds, String stepId, String assignee, String subject)
      implements DunningAction {}

  /** Hand-over to collections: a task for the queue plus a flag; dunning stops. */
  record HandOver(List<String> caseIds, String stepId, String assignee) implements DunningAction {}

  /** A promise to pay was not kept; the case escalates. */
  record PromiseBroken(String caseId, LocalDate promised) implements DunningAction {
    @Override
    public List<String> caseIds() {
      return List.of(caseId);
    }

    @Override
    public String stepId() {
      return StepRecord.promiseBroken(promised);
    }
  }

  /** A step that was due but will not run, with the reason (recorded so the schedule moves on). */
  record StepSkipped(String caseId, String stepId, String reason) implements DunningAction {
    @Override
    public List<String> caseIds() {
      return List.of(caseId);
    }
  }
}
