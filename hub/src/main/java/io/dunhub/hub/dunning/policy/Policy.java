package io.dunhub.hub.dunning.policy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A dunning policy: when it applies, how it counts days, what guards every contact, and its steps
 * in order of their offset.
 *
 * @param id unique name
 * @param file the file it was read from (for messages)
 * @param order policies are tried in ascending order; the first match wins
 * @param isDefault the policy used when no other matches
 * @param when its conditions
 * @param days calendar or business days for offsets
 * @param guards contact guards
 * @param promiseGrace how long after a promised date a promise counts as broken
 * @param thankYouTemplate the template for the thank-you after full payment, or null for none
 * @param steps steps ordered by offset
 */
public record Policy(
    String id,
    String file,
    int order,
    boolean isDefault,
    Conditions when,
    DayCounting days,
    Guards guards,
    Duration promiseGrace,
    String thankYouTemplate,
    List<Step> steps) {

  public Policy {
    steps = List.copyOf(steps);
  }

  /** The step with this id. */
  public Optional<Step> step(String stepId) {
    return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
  }
}
