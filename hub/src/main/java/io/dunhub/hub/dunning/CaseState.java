package io.dunhub.hub.dunning;

import java.time.LocalDate;

/**
 * What the hub knows about a dunning case beyond its invoice.
 *
 * @param policyId the policy the case follows once started, or null before its first evaluation
 * @param disputed the customer disputes the invoice; dunning pauses until resolved
 * @param promisedDate the customer promised to pay by this date, or null
 * @param holdReason why the case is on hold, or null
 * @param holdUntil the hold's expiry date (exclusive: the case resumes that day), or null
 * @param handedOver the case went to collections; dunning stopped
 */
public record CaseState(
    String policyId,
    boolean disputed,
    LocalDate promisedDate,
    String holdReason,
    LocalDate holdUntil,
    boolean handedOver) {

  public static final CaseState NEW = new CaseState(null, false, null, null, null, false);

  public CaseState withPolicy(String id) {
    return new CaseState(id, disputed, promisedDate, holdReason, holdUntil, handedOver);
  }

  public CaseState withDispute(boolean value) {
    return new CaseState(policyId, value, promisedDate, holdReason, holdUntil, handedOver);
  }

  public CaseState withPromise(LocalDate date) {
    return new CaseState(policyId, disputed, date, holdReason, holdUntil, handedOver);
  }

  public CaseState withHold(String reason, LocalDate until) {
    return new CaseState(policyId, disputed, promisedDate, reason, until, handedOver);
  }

  public CaseState withHandedOver(boolean value) {
    return new CaseState(policyId, disputed, promisedDate, holdReason, holdUntil, value);
  }
}
