package io.dunhub.hub.dunning;

import java.time.Instant;

/**
 * A step a case has taken (or skipped). Besides policy step ids, the history uses {@value
 * #THANK_YOU} and {@code promise-broken@<date>}.
 *
 * @param outcome {@code done} or {@code skipped: <reason>}
 */
public record StepRecord(String caseId, String stepId, Instant at, String outcome) {
  public static final String THANK_YOU = "thank-you";

  public static String promiseBroken(java.time.LocalDate promised) {
    return "promise-broken@" + promised;
  }

  public boolean done() {
    return "done".equals(outcome);
  }
}
