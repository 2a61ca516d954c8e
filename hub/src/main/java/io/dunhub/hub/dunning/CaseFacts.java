package io.dunhub.hub.dunning;

import io.dunhub.core.model.Invoice;

/** One invoice under dunning with its case state. The case id is stable and unique. */
public record CaseFacts(String caseId, Invoice invoice, CaseState state) {}
