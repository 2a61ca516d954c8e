package io.dunhub.netsuite.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The hub's write-back of a dunning activity ({@code Activity}: the canonical activity's fields
 * plus {@code invoiceHostId} and {@code partyHostId}) as NetSuite's own records: a {@code note}
 * attached to the invoice ({@code transaction}) and the customer ({@code entity}) for every
 * activity, and for an escalation to a person (a task step, a hand-over to collections, a {@code
 * TASK} channel) a {@code task} — or a {@code phoneCall} when the activity's {@code kind} is {@code
 * call} — on the customer ({@code company}) and the invoice ({@code transaction}). Each record is
 * written by external id derived from the idempotency key, so a repeated write-back finds what the
 * first one made. An invoice deleted in NetSuite since the hub read it does not lose the activity:
 * the record goes on the customer alone.
 */
public final class ActivitySink implements RecordSink {

  /** NetSuite's note text is a long text field; longer notices are cut (Dunhub keeps them). */
  static final int MAX_NOTE = 4000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final NetSuiteRecordSink notes;
  private final NetSuiteRecordSink tasks;
  private final NetSuiteRecordSink calls;
  private final ZoneId zone;

  /**
   * @param zone the integration user's time zone, in which note and call dates are given
   */
  public ActivitySink(NetSuiteHttp http, ZoneId zone) {
    this.notes = new NetSuiteRecordSink(http, "note");
    this.tasks = new NetSuiteRecordSink(http, "task");
    this.calls = new NetSuiteRecordSink(http, "phoneCall");
    this.zone = zone;
  }

  @Override
  public WriteOutcome write(WriteRequest request) {
    JsonNode f = request.payload();
    String invoice = text(f, "invoiceHostId");
    String customer = text(f, "partyHostId");
    if (invoice == null && customer == null) {
      return new WriteOutcome.Permanent(
          "activity " + text(f, "id") + ": neither its invoice nor its customer is in NetSuite");
    }
    String title = title(f);
    String content = text(f, "content");
    String date = date(f);

    ObjectNode note = NODES.objectNode().put("title", title);
    note.put("note", cut(content == null || content.isBlank() ? title : content));
    if (date != null) {
      note.put("noteDate", date);
    }
    if (invoice != null) {
      note.putObject("transaction").put("id", invoice);
    }
    if (customer != null) {
      note.putObject("entity").put("id", customer);
    }
    WriteOutcome written = withoutGoneInvoice(notes, request.idempotencyKey(), "note", note);
    if (!written.succeeded() || !escalation(f)) {
      return written;
    }

    boolean call = "call".equalsIgnoreCase(f.path("attributes").path("kind").asText(""));
    ObjectNode person = NODES.objectNode().put("title", title);
    person.put("message", cut(content == null ? title : content));
    if (date != null) {
      person.put("startDate", date);
    }
    if (customer != null) {
      person.putObject("company").put("id", customer);
    }
    if (invoice != null) {
      person.putObject("transaction").put("id", invoice);
    }
    String key = request.idempotencyKey() + (call ? ":call" : ":task");
    WriteOutcome followUp =
        withoutGoneInvoice(call ? calls : tasks, key, call ? "phoneCall" : "task", person);
    return followUp.succeeded() ? written : followUp;
  }

  /**
   * Writes a record; when NetSuite says its invoice is gone ({@code INVALID_KEY_OR_REF} at {@code
   * transaction}: deleted since the hub last read it) and it has a customer, writes it on the
   * customer alone, saying so in its text, rather than losing the activity.
   */
  private static WriteOutcome withoutGoneInvoice(
      NetSuiteRecordSink sink, String key, String type, ObjectNode record) {
    WriteOutcome outcome = sink.write(new WriteRequest(key, type, null, record, null));
    if (outcome instanceof WriteOutcome.Permanent p
        && p.reason().contains("INVALID_KEY_OR_REF")
        && p.reason().contains("(at transaction)")
        && record.has("transaction")
        && (record.has("entity") || record.has("company"))) {
      ObjectNode onCustomer = record.deepCopy();
      String invoice = onCustomer.remove("transaction").path("id").asText();
      String textField = type.equals("note") ? "note" : "message";
      onCustomer.put(
          textField,
          cut(
              "(Invoice "
                  + invoice
                  + " is no longer in NetSuite.) "
                  + onCustomer.path(textField).asText("")));
      return sink.write(new WriteRequest(key, type, null, onCustomer, null));
    }
    return outcome;
  }

  /** A task step, a hand-over to collections, or anything on the TASK channel. */
  private static boolean escalation(JsonNode f) {
    String type = text(f, "type");
    return "ESCALATED".equals(type)
        || "HANDED_TO_COLLECTIONS".equals(type)
        || "TASK".equals(text(f, "channel"));
  }

  private static String title(JsonNode f) {
    String subject = text(f, "subject");
    if (subject != null && !subject.isBlank()) {
      return subject.length() > 200 ? subject.substring(0, 199) + "…" : subject;
    }
    String type = text(f, "type");
    String label =
        type == null ? "Dunning activity" : type.replace('_', ' ').toLowerCase(Locale.ROOT);
    return "Dunhub: " + label;
  }

  private String date(JsonNode f) {
    JsonNode at = f.get("at");
    if (at == null || at.isNull()) {
      return null;
    }
    try {
      Instant i =
          at.isNumber()
              ? Instant.ofEpochMilli((long) (at.asDouble() * 1000))
              : Instant.parse(at.asText());
      return i.atZone(zone).toLocalDate().toString();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String cut(String text) {
    return text.length() <= MAX_NOTE ? text : text.substring(0, MAX_NOTE - 1) + "…";
  }

  private static String text(JsonNode f, String field) {
    JsonNode v = f.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
