package io.dunhub.hub.writeback;

import io.dunhub.core.model.Activity;
import io.dunhub.hub.dunning.CanonicalReader;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The activities table: the audit log every write-back starts from. */
public final class ActivityLog {

  private ActivityLog() {}

  /** Records an activity in the caller's transaction. */
  public static void record(Handle h, Activity a, String caseId, String outboxKey) {
    h.createUpdate(
            "INSERT INTO activities (id, type, occurred_at, party_id, invoice_id, case_id, contact_id, channel,"
                + " recipient, subject, content, attributes, outbox_key) VALUES (:id, :type, :at, :party,"
                + " :invoice, :case, :contact, :channel, :recipient, :subject, :content, :attributes, :key)")
        .bind("id", a.id())
        .bind("type", a.type().name())
        .bind("at", a.at())
        .bind("party", a.partyId())
        .bind("invoice", a.invoiceId())
        .bind("case", caseId)
        .bind("contact", a.contactId())
        .bind("channel", a.channel() == null ? null : a.channel().name())
        .bind("recipient", a.recipient())
        .bind("subject", a.subject())
        .bind("content", a.content())
        .bind("attributes", CanonicalReader.write(a.attributes()))
        .bind("key", outboxKey)
        .execute();
  }

  /** Activities of an invoice in time order (type, channel, recipient, subject). */
  public static List<String> describe(Handle h, String invoiceId) {
    return h.createQuery(
            "SELECT type, channel, recipient, subject FROM activities WHERE invoice_id = :id ORDER BY occurred_at, id")
        .bind("id", invoiceId)
        .map(
            (rs, ctx) ->
                rs.getString(1)
                    + " "
                    + rs.getString(2)
                    + " "
                    + rs.getString(3)
                    + " "
                    + rs.getString(4))
        .list();
  }
}
