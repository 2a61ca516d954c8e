package io.dunhub.hub.dunning;

import java.time.Instant;

/**
 * Why a case does (or does not do) something now: the policy, the step, and what delayed it.
 *
 * @param status a sentence for people ({@code "step due+3d sent"}, {@code "paused: dispute"}, …)
 * @param nextEvaluation when the case must be looked at again, or null for "only on a change"
 */
public record CasePlan(
    String caseId,
    String invoiceNumber,
    String policyId,
    String stepId,
    String status,
    Instant nextEvaluation) {}
