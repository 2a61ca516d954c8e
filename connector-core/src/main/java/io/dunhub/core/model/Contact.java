package io.dunhub.core.model;

import java.util.Set;

/**
 * A person at a party who may receive notices.
 *
 * @param optedOut channels this person asked not to be contacted on
 *     <p>{@link #reachableBy} answers whether a notice on a channel can reach this person: not
 *     opted out, an address that looks like one for email ({@code x@y}), a phone and consent for
 *     SMS. Letters and tasks go through the party's address and the CRM, so they are always
 *     possible unless opted out.
 * @param consent whether the person agreed to be contacted on channels that need consent (SMS)
 */
public record Contact(
    String id,
    String partyId,
    String firstName,
    String lastName,
    String email,
    String phone,
    ContactRole role,
    Channel preferredChannel,
    Set<Channel> optedOut,
    boolean consent) {

  public Contact {
    if ((firstName == null || firstName.isBlank()) && (lastName == null || lastName.isBlank())) {
      throw new IllegalArgumentException("contact needs a first or last name");
    }
    if (role == null) {
      role = ContactRole.OTHER;
    }
    optedOut = Checks.copy(optedOut);
  }

  public String displayName() {
    if (firstName == null || firstName.isBlank()) {
      return lastName;
    }
    return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName;
  }

  public boolean reachableBy(Channel channel) {
    if (optedOut.contains(channel)) {
      return false;
    }
    return switch (channel) {
      case EMAIL -> email != null && email.strip().matches("[^@\\s]+@[^@\\s]+");
      case SMS -> consent && phone != null && !phone.isBlank();
      case LETTER, TASK -> true;
    };
  }

  public Contact withId(String newId) {
    return new Contact(
        newId,
        partyId,
        firstName,
        lastName,
        email,
        phone,
        role,
        preferredChannel,
        optedOut,
        consent);
  }

  public Contact withEmail(String newEmail) {
    return new Contact(
        id,
        partyId,
        firstName,
        lastName,
        newEmail,
        phone,
        role,
        preferredChannel,
        optedOut,
        consent);
  }
}
