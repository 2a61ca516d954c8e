package io.dunhub.hub.dunning.policy;

/** One thing wrong in a policy file, with where (1-based line and column). */
public record PolicyProblem(String file, int line, int column, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
