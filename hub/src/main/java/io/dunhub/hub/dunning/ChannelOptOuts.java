package io.dunhub.hub.dunning;

import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.Party;
import io.dunhub.hub.store.Dialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The opt-outs the hub recorded itself ({@code channel_opt_outs}, from the unsubscribe page). They
 * are kept apart from the contacts a sync rewrites and applied when recipients are picked: a
 * contact whose address (or id) opted out of a channel is treated as opted out of it, and a party's
 * own email address that opted out is not used as the fallback recipient.
 */
public final class ChannelOptOuts {

  /** One recorded opt-out. */
  public record OptOut(String partyId, Channel channel, String address, String contactId) {}

  private ChannelOptOuts() {}

  /**
   * Records an opt-out in the caller's transaction.
   *
   * @return false when the address had already opted out of the channel
   */
  public static boolean record(Handle h, Dialect dialect, OptOut o, String outboxKey, Instant now) {
    return h.createUpdate(
                dialect.insertIfAbsent(
                    "channel_opt_outs",
                    List.of("party_id", "channel", "address"),
                    List.of(
                        "party_id",
                        "channel",
                        "address",
                        "contact_id",
                        "outbox_key",
                        "created_at")))
            .bind("party_id", o.partyId())
            .bind("channel", o.channel().name())
            .bind("address", normalise(o.address()))
            .bind("contact_id", o.contactId())
            .bind("outbox_key", outboxKey)
            .bind("created_at", now)
            .execute()
        > 0;
  }

  /** The party's recorded opt-outs. */
  public static List<OptOut> of(Handle h, String partyId) {
    return h.createQuery(
            "SELECT channel, address, contact_id FROM channel_opt_outs WHERE party_id = :p"
                + " ORDER BY channel, address")
        .bind("p", partyId)
        .map(
            (rs, ctx) ->
                new OptOut(
                    partyId, Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** The recorded opt-outs of several parties, by party. */
  public static java.util.Map<String, List<OptOut>> of(Handle h, List<String> partyIds) {
    java.util.Map<String, List<OptOut>> out = new java.util.HashMap<>();
    h.createQuery(
            "SELECT party_id, channel, address, contact_id FROM channel_opt_outs"
                + " WHERE party_id IN (<ids>) ORDER BY channel, address")
        .bindList("ids", partyIds)
        .map(
            (rs, ctx) ->
                new OptOut(
                    rs.getString(1),
                    Channel.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4)))
        .forEach(o -> out.computeIfAbsent(o.partyId(), k -> new ArrayList<>()).add(o));
    return out;
  }

  /** The contacts with the recorded opt-outs added to their own. */
  static List<Contact> apply(List<Contact> contacts, List<OptOut> optOuts) {
    if (optOuts.isEmpty()) {
      return contacts;
    }
    List<Contact> out = new ArrayList<>(contacts.size());
    for (Contact c : contacts) {
      Set<Channel> channels = new HashSet<>(c.optedOut());
      for (OptOut o : optOuts) {
        if ((o.contactId() != null && o.contactId().equals(c.id()))
            || o.address().equals(normalise(o.channel() == Channel.SMS ? c.phone() : c.email()))) {
          channels.add(o.channel());
        }
      }
      out.add(
          channels.equals(c.optedOut())
              ? c
              : new Contact(
                  c.id(),
                  c.partyId(),
                  c.firstName(),
                  c.lastName(),
                  c.email(),
                  c.phone(),
                  c.role(),
                  c.preferredChannel(),
                  channels,
                  c.consent()));
    }
    return out;
  }

  /** The party without its own email address when that address opted out of email. */
  static Party apply(Party party, List<OptOut> optOuts) {
    String email = normalise(party.email());
    boolean out =
        email != null
            && optOuts.stream()
                .anyMatch(o -> o.channel() == Channel.EMAIL && o.address().equals(email));
    return out ? party.withEmail(null) : party;
  }

  static String normalise(String address) {
    return address == null ? null : address.strip().toLowerCase(Locale.ROOT);
  }
}
