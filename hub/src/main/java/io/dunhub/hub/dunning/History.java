package io.dunhub.hub.dunning;

import java.time.Instant;
import java.util.List;

/**
 * What already happened to a party: the steps its cases took and the instants of every message sent
 * to it (for the rolling contact cap).
 */
public record History(List<StepRecord> steps, List<Instant> contacts) {
  public static final History EMPTY = new History(List.of(), List.of());

  public History {
    steps = List.copyOf(steps);
    contacts = List.copyOf(contacts);
  }

  public boolean has(String caseId, String stepId) {
    return steps.stream().anyMatch(s -> s.caseId().equals(caseId) && s.stepId().equals(stepId));
  }

  /** Whether a notice was sent to the customer for this case. */
  public boolean contacted(String caseId, java.util.function.Predicate<String> isContactStep) {
    return steps.stream()
        .anyMatch(s -> s.caseId().equals(caseId) && s.done() && isContactStep.test(s.stepId()));
  }
}
