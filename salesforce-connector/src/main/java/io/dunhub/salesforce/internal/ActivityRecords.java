package io.dunhub.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The Salesforce records one canonical activity becomes ({@link ActivityWriteBack}): the {@code
 * Dunning_Notice__c}, the {@code Task} (completed, or open for a person) and the letter's {@code
 * ContentVersion}, with texts cut to the fields' lengths.
 */
final class ActivityRecords {
  private static final Map<String, String> CHANNELS =
      Map.of("EMAIL", "Email", "SMS", "SMS", "LETTER", "Letter", "TASK", "Task");

  private ActivityRecords() {}

  static ObjectNode notice(
      JsonNode a, String type, String account, String contact, String invoice) {
    ObjectNode n = json().put("Account__c", account);
    putIfPresent(n, "Contact__c", contact);
    putIfPresent(n, "Invoice_Record_Id__c", invoice);
    putIfPresent(n, "Channel__c", CHANNELS.get(text(a, "channel")));
    n.put("Status__c", type.equals("NOTICE_FAILED") ? "Failed" : "Sent");
    n.put("Sent_At__c", instant(a).toString());
    putIfPresent(n, "Step__c", cut(text(a.path("attributes"), "step"), 80));
    putIfPresent(n, "Template__c", cut(text(a.path("attributes"), "template"), 80));
    putIfPresent(n, "Subject__c", cut(text(a, "subject"), 255));
    putIfPresent(n, "Body__c", cut(text(a, "content"), 32768));
    return n;
  }

  static ObjectNode task(
      String what, String who, String subject, JsonNode a, String date, boolean completed) {
    ObjectNode t = json().put("WhatId", what);
    putIfPresent(t, "WhoId", who);
    t.put("Subject", cut(subject, 255));
    StringBuilder description = new StringBuilder();
    if (text(a, "content") != null) {
      description.append(text(a, "content"));
    }
    String assignee = text(a.path("attributes"), "assignee");
    if (!completed && assignee != null) {
      description.append(description.length() > 0 ? "\n\n" : "").append("Policy assignee: ");
      description.append(assignee);
    }
    if (description.length() > 0) {
      t.put("Description", cut(description.toString(), 32000));
    }
    t.put("ActivityDate", date);
    t.put("Status", completed ? "Completed" : "Not Started");
    t.put("Priority", completed ? "Normal" : "High");
    t.put("TaskSubtype", "EMAIL".equals(text(a, "channel")) && completed ? "Email" : "Task");
    return t;
  }

  static ObjectNode letter(JsonNode a, String account) {
    String name = text(a, "attachmentName");
    if (name == null) {
      name = "dunning-letter.pdf";
    }
    String title = name.endsWith(".pdf") ? name.substring(0, name.length() - 4) : name;
    return json()
        .put("Title", cut(title, 255))
        .put("PathOnClient", name)
        .put("VersionData", text(a, "attachmentBase64"))
        .put("FirstPublishLocationId", account);
  }

  static String subject(JsonNode a, String type) {
    String subject = text(a, "subject");
    String what =
        switch (type) {
          case "NOTICE_SENT" -> "Dunning notice sent";
          case "NOTICE_FAILED" -> "Dunning notice FAILED";
          case "THANK_YOU_SENT" -> "Thank-you sent";
          case "ESCALATED" -> "Dunning escalation";
          case "HANDED_TO_COLLECTIONS" -> "Handed over to collections";
          default -> "Dunning: " + type.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    return subject == null ? what : what + ": " + subject;
  }

  static Instant instant(JsonNode a) {
    String at = text(a, "at");
    try {
      return at == null ? Instant.EPOCH : Instant.parse(at);
    } catch (java.time.format.DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  static String date(JsonNode a) {
    return instant(a).atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }

  private static ObjectNode json() {
    return JsonNodeFactory.instance.objectNode();
  }

  private static void putIfPresent(ObjectNode n, String field, String value) {
    if (value != null) {
      n.put(field, value);
    }
  }

  /** A field's text, or null when it is missing, null or blank. */
  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
