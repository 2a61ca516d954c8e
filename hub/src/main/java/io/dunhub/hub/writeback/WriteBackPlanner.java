package io.dunhub.hub.writeback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.model.Activity;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.outbox.JdbcOutbox;
import io.dunhub.hub.outbox.OutboxEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Turns an activity into one write-back outbox row per host that holds the invoice (or, failing
 * that, the party): the canonical activity plus the host ids of the records it belongs to. Each
 * connector's {@code Activity} sink writes it as its host's native record (a completed Task in
 * Salesforce, a note Attachable in QuickBooks, a note in NetSuite).
 */
public final class WriteBackPlanner {

  /** The host object every connector's activity sink is named by. */
  public static final String HOST_OBJECT = "Activity";

  private final JdbcOutbox outbox;

  public WriteBackPlanner(JdbcOutbox outbox) {
    this.outbox = outbox;
  }

  /** Enqueues the write-backs in the caller's transaction; returns the connections written to. */
  public List<String> enqueue(
      Handle h, Activity activity, byte[] attachment, String attachmentName) {
    Map<String, String[]> targets = new LinkedHashMap<>();
    if (activity.invoiceId() != null) {
      refs(h, "INVOICE", activity.invoiceId())
          .forEach((conn, hostId) -> targets.put(conn, new String[] {hostId, null}));
    }
    refs(h, "PARTY", activity.partyId())
        .forEach(
            (conn, hostId) ->
                targets.computeIfAbsent(conn, k -> new String[] {null, null})[1] = hostId);
    for (Map.Entry<String, String[]> t : targets.entrySet()) {
      ObjectNode fields = CanonicalReader.mapper().valueToTree(activity);
      fields.put("invoiceHostId", t.getValue()[0]);
      fields.put("partyHostId", t.getValue()[1]);
      if (attachment != null) {
        fields.put("attachmentName", attachmentName);
        fields.put("attachmentBase64", java.util.Base64.getEncoder().encodeToString(attachment));
      }
      ObjectNode payload = CanonicalReader.mapper().createObjectNode();
      payload.put("hostObject", HOST_OBJECT);
      payload.set("fields", fields);
      outbox.enqueue(
          h,
          new OutboxEntry(
              "writeback:" + activity.id() + ":" + t.getKey(),
              OutboxEntry.WRITE_BACK,
              null,
              t.getKey(),
              activity.partyId(),
              payload.toString()));
    }
    return List.copyOf(targets.keySet());
  }

  private static Map<String, String> refs(Handle h, String entity, String canonicalId) {
    Map<String, String> refs = new LinkedHashMap<>();
    h.createQuery(
            "SELECT connection, host_id FROM external_refs WHERE entity = :entity AND canonical_id = :id ORDER BY connection")
        .bind("entity", entity)
        .bind("id", canonicalId)
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
        .forEach(r -> refs.putIfAbsent(r[0], r[1]));
    return refs;
  }
}
