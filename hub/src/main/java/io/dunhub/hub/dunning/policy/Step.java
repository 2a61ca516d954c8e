package io.dunhub.hub.dunning.policy;

import io.dunhub.core.model.Channel;
import java.util.List;

/**
 * One step of a policy.
 *
 * @param id stable name of the step inside its policy (defaults to its offset), recorded in the
 *     case history
 * @param at where the step sits relative to the due date
 * @param action what it does
 * @param channels for notices: the channels, in order of preference
 * @param template for notices: the template name (without locale or extension)
 * @param tone for notices: 1 (friendly) to 5 (formal final notice)
 * @param fee for late fees: how the fee is computed
 * @param assignee for tasks and collections: {@code owner} or a queue name
 * @param line where the step starts in its policy file (1-based)
 */
public record Step(
    String id,
    Offset at,
    ActionKind action,
    List<Channel> channels,
    String template,
    int tone,
    FeeRule fee,
    String assignee,
    int line) {

  public Step {
    channels = List.copyOf(channels);
  }

  /** Whether the step contacts the customer. */
  public boolean contactsCustomer() {
    return action == ActionKind.NOTICE || action == ActionKind.FINAL_NOTICE;
  }
}
