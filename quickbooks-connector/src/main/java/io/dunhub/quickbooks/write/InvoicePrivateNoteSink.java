package io.dunhub.quickbooks.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intuit.ipp.data.Invoice;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.quickbooks.internal.QboGateway;
import io.dunhub.quickbooks.internal.QboJson;

/**
 * Appends a line to an invoice's internal {@code PrivateNote} (off unless the connection sets
 * {@code privateNote.enabled}: it bumps the invoice's {@code SyncToken}, which can make a person
 * editing the invoice at that moment lose a save). Each line ends with a short reference of its
 * idempotency key, so a repeated write finds its line and is {@link WriteOutcome.AlreadyApplied}.
 * The note keeps QBO's 4,000 characters by dropping its oldest lines. A 5010 stale-object error is
 * met by re-reading the invoice and appending once more.
 */
public final class InvoicePrivateNoteSink implements RecordSink {

  static final int MAX_NOTE = 4000;

  private final QboGateway gateway;

  public InvoicePrivateNoteSink(QboGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public WriteOutcome write(WriteRequest request) {
    if (request.hostId() == null) {
      return new WriteOutcome.Permanent("a PrivateNote line needs the invoice id (hostId)");
    }
    String line = request.payload().path("PrivateNote").asText("").strip();
    if (line.isEmpty()) {
      return new WriteOutcome.Permanent("a PrivateNote line needs text (payload PrivateNote)");
    }
    String marker = "[dh:" + Writes.digest(request.idempotencyKey()).substring(0, 10) + "]";
    String requestId = Writes.requestId(request.idempotencyKey());
    try {
      try {
        return append(request.hostId(), line + " " + marker, marker, requestId);
      } catch (ConnectorException e) {
        if (!Writes.isStale(e)) {
          throw e;
        }
        return append(request.hostId(), line + " " + marker, marker, requestId + "r");
      }
    } catch (ConnectorException e) {
      if (Writes.isStale(e)) {
        return new WriteOutcome.Retryable(e.getMessage(), null);
      }
      return Writes.outcome(e);
    }
  }

  private WriteOutcome append(String id, String line, String marker, String requestId) {
    Invoice probe = new Invoice();
    probe.setId(id);
    Invoice current = gateway.call("read Invoice " + id, null, ds -> ds.findById(probe));
    String note = current.getPrivateNote() == null ? "" : current.getPrivateNote();
    if (note.contains(marker)) {
      return new WriteOutcome.AlreadyApplied(id);
    }
    String next = note.isEmpty() ? line : note + "\n" + line;
    while (next.length() > MAX_NOTE && next.indexOf('\n') >= 0) {
      next = next.substring(next.indexOf('\n') + 1);
    }
    if (next.length() > MAX_NOTE) {
      next = next.substring(next.length() - MAX_NOTE);
    }
    ObjectNode body = QboJson.MAPPER.createObjectNode();
    body.put("Id", id);
    body.put("SyncToken", current.getSyncToken());
    body.put("sparse", true);
    body.put("PrivateNote", next);
    Invoice change = QboJson.fromJson("Invoice", body);
    Invoice updated =
        gateway.call(
            "append to Invoice " + id + " PrivateNote", requestId, ds -> ds.update(change));
    return new WriteOutcome.Applied(updated.getId(), updated.getSyncToken());
  }
}
