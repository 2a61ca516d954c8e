package io.dunhub.hub.dunning;

import io.dunhub.core.model.Contact;
import io.dunhub.core.model.Party;
import java.util.List;

/**
 * Everything the evaluator needs about one party: the party, its contacts, its cases (open and
 * recently closed) and its payment behaviour. Evaluating a party at once lets several invoices that
 * reach a step the same day share one notice.
 *
 * @param partyId the canonical party id
 * @param owner the account owner for human tasks, or null
 */
public record PartyFacts(
    String partyId,
    Party party,
    String owner,
    List<Contact> contacts,
    List<CaseFacts> cases,
    PaymentBehaviour behaviour) {
  public PartyFacts {
    contacts = List.copyOf(contacts);
    cases = List.copyOf(cases);
  }
}
