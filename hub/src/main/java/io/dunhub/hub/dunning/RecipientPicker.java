package io.dunhub.hub.dunning;

import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.ContactRole;
import io.dunhub.core.model.Party;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses who receives a notice on a channel: the best-placed contact who can be reached on it
 * (billing before accounts payable before primary), honouring opt-outs and SMS consent. Without any
 * contact, email falls back to the party's own address; SMS never does (no consent is known).
 */
final class RecipientPicker {

  /** A chosen recipient: contact id (or null), address and name. */
  record Recipient(String contactId, String address, String name) {}

  private static final List<ContactRole> ORDER =
      List.of(
          ContactRole.BILLING,
          ContactRole.ACCOUNTS_PAYABLE,
          ContactRole.PRIMARY,
          ContactRole.OTHER);

  private RecipientPicker() {}

  static Optional<Recipient> pick(Party party, List<Contact> contacts, Channel channel) {
    Optional<Contact> contact =
        contacts.stream()
            .filter(c -> c.reachableBy(channel))
            .min(
                Comparator.comparingInt((Contact c) -> ORDER.indexOf(c.role()))
                    .thenComparing(c -> String.valueOf(c.id())));
    if (contact.isPresent()) {
      Contact c = contact.get();
      String address =
          switch (channel) {
            case EMAIL -> c.email();
            case SMS -> c.phone();
            case LETTER, TASK -> party.name();
          };
      return Optional.of(new Recipient(c.id(), address, c.displayName()));
    }
    boolean anyOptedOut = contacts.stream().anyMatch(c -> c.optedOut().contains(channel));
    if (channel == Channel.EMAIL
        && !anyOptedOut
        && party.email() != null
        && !party.email().isBlank()) {
      return Optional.of(new Recipient(null, party.email(), party.name()));
    }
    if (channel == Channel.LETTER && !anyOptedOut) {
      return Optional.of(new Recipient(null, party.name(), party.name()));
    }
    return Optional.empty();
  }
}
