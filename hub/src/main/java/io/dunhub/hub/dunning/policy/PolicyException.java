package io.dunhub.hub.dunning.policy;

import java.util.List;
import java.util.stream.Collectors;

/** Policies that cannot be used, with every problem found. */
public final class PolicyException extends RuntimeException {
  private final List<PolicyProblem> problems;

  public PolicyException(List<PolicyProblem> problems) {
    super(
        problems.size()
            + " problem(s) in dunning policies:\n"
            + problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<PolicyProblem> problems() {
    return problems;
  }
}
