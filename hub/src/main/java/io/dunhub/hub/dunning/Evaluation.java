package io.dunhub.hub.dunning;

import java.util.List;

/** What the evaluator decided for a party: actions to apply now and a plan per case. */
public record Evaluation(List<DunningAction> actions, List<CasePlan> plans) {
  public Evaluation {
    actions = List.copyOf(actions);
    plans = List.copyOf(plans);
  }
}
