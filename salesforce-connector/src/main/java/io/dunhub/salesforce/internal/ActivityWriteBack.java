package io.dunhub.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hub's write-back of a dunning activity ({@code hostObject} {@code Activity}: the canonical
 * activity with {@code partyHostId}, {@code invoiceHostId} and, when the hub knows it, {@code
 * contactHostId}), written as Salesforce's own records, each idempotent on a key derived from the
 * write's idempotency key:
 *
 * <ul>
 *   <li>a notice sent, failed or thanking for payment: a {@code Dunning_Notice__c} (upserted on
 *       {@code Dunhub_Key__c}) and a completed {@code Task} on the account, plus one on the invoice
 *       record when the invoice lives in this org, both with the contact as {@code WhoId}; a PDF
 *       letter as a {@code ContentVersion} filed on the account;
 *   <li>an escalation or hand-over to collections: an open {@code Task} on the account, owned by
 *       the configured escalation owner or else the account owner;
 *   <li>anything else (a fee, a promise, a dispute, a hold): a completed {@code Task} on the
 *       account.
 * </ul>
 *
 * The account's {@code Dunning_Status__c} follows, only ever raised ({@link AccountStatuses}), and
 * {@code Last_Dunning_Notice_At__c} for notices. The contact is the one of the account whose e-mail
 * or phone is the notice's recipient when the write carries no {@code contactHostId}.
 */
public final class ActivityWriteBack implements RecordSink {
  private static final Set<String> NOTICES =
      Set.of("NOTICE_SENT", "NOTICE_FAILED", "THANK_YOU_SENT");
  private static final Set<String> ESCALATIONS = Set.of("ESCALATED", "HANDED_TO_COLLECTIONS");
  private static final Map<String, String> ACCOUNT_STATUS =
      Map.of(
          "NOTICE_SENT", "In_Dunning",
          "ESCALATED", "Escalated",
          "HANDED_TO_COLLECTIONS", "Collections",
          "HOLD_PLACED", "On_Hold");

  private final String connection;
  private final RecordSink notices;
  private final RecordSink tasks;
  private final RecordSink files;
  private final RecordSink accounts;
  private final ContactFinder contacts;
  private final AccountStatuses statuses;

  public ActivityWriteBack(
      String connection,
      RecordSink notices,
      RecordSink tasks,
      RecordSink files,
      RecordSink accounts,
      ContactFinder contacts,
      AccountStatuses statuses) {
    this.connection = connection;
    this.notices = notices;
    this.tasks = tasks;
    this.files = files;
    this.accounts = accounts;
    this.contacts = contacts;
    this.statuses = statuses;
  }

  @Override
  public WriteOutcome write(WriteRequest request) {
    return writeBatch(List.of(request)).get(0);
  }

  /** The records one activity becomes, by the index of each in its sink's batch. */
  private static final class Parts {
    final List<Integer> notices = new ArrayList<>();
    final List<Integer> tasks = new ArrayList<>();
    final List<Integer> files = new ArrayList<>();
    String account;
  }

  @Override
  public List<WriteOutcome> writeBatch(List<WriteRequest> requests) {
    WriteOutcome[] outcomes = new WriteOutcome[requests.size()];
    Map<String, String> contactIds;
    try {
      contactIds = contacts.resolve(requests);
    } catch (ConnectorException e) {
      WriteOutcome failed = SalesforceErrors.outcome(e);
      return requests.stream().map(r -> failed).toList();
    }
    List<WriteRequest> noticeWrites = new ArrayList<>();
    List<WriteRequest> taskWrites = new ArrayList<>();
    List<WriteRequest> fileWrites = new ArrayList<>();
    Map<String, ObjectNode> accountUpdates = new LinkedHashMap<>();
    List<Parts> parts = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      WriteRequest r = requests.get(i);
      Parts p = new Parts();
      parts.add(p);
      JsonNode a = r.payload();
      String account = text(a, "partyHostId");
      String type = text(a, "type");
      if (account == null || type == null) {
        outcomes[i] =
            new WriteOutcome.Permanent(
                where(r)
                    + ": an activity write-back needs the account (partyHostId) and the activity"
                    + " type");
        continue;
      }
      String key = r.idempotencyKey();
      String contact = text(a, "contactHostId");
      if (contact == null) {
        contact = contactIds.get(key);
      }
      String invoice = text(a, "invoiceHostId");
      String subject = ActivityRecords.subject(a, type);
      String date = ActivityRecords.date(a);
      if (NOTICES.contains(type)) {
        p.notices.add(noticeWrites.size());
        noticeWrites.add(
            request(
                "Dunning_Notice__c",
                key,
                ActivityRecords.notice(a, type, account, contact, invoice)));
        p.tasks.add(taskWrites.size());
        taskWrites.add(
            request(
                "Task",
                key + ":task",
                ActivityRecords.task(account, contact, subject, a, date, true)));
        if (invoice != null && !invoice.equals(account)) {
          p.tasks.add(taskWrites.size());
          taskWrites.add(
              request(
                  "Task",
                  key + ":task:invoice",
                  ActivityRecords.task(invoice, contact, subject, a, date, true)));
        }
        if (text(a, "attachmentBase64") != null) {
          p.files.add(fileWrites.size());
          fileWrites.add(
              request("ContentVersion", key + ":letter", ActivityRecords.letter(a, account)));
        }
      } else {
        boolean open = ESCALATIONS.contains(type);
        p.tasks.add(taskWrites.size());
        taskWrites.add(
            request(
                "Task",
                key + ":task",
                ActivityRecords.task(account, contact, subject, a, date, !open)));
      }
      String status = ACCOUNT_STATUS.get(type);
      if (status != null) {
        ObjectNode update = accountUpdates.computeIfAbsent(account, k -> json());
        String before = text(update, "Dunning_Status__c");
        if (before == null || AccountStatuses.raises(before, status)) {
          update.put("Dunning_Status__c", status);
        }
        if (type.equals("NOTICE_SENT")) {
          Instant at = ActivityRecords.instant(a);
          String last = text(update, "Last_Dunning_Notice_At__c");
          if (last == null || Instant.parse(last).isBefore(at)) {
            update.put("Last_Dunning_Notice_At__c", at.toString());
          }
        }
        p.account = account;
      }
    }
    if (!accountUpdates.isEmpty()) {
      try {
        Map<String, String> current = statuses.current(accountUpdates.keySet());
        for (Map.Entry<String, ObjectNode> u : accountUpdates.entrySet()) {
          String now = current.get(u.getKey());
          String next = text(u.getValue(), "Dunning_Status__c");
          if (now != null && !AccountStatuses.raises(now, next)) {
            u.getValue().remove("Dunning_Status__c");
          }
        }
      } catch (ConnectorException e) {
        WriteOutcome failed = SalesforceErrors.outcome(e);
        return requests.stream().map(r -> failed).toList();
      }
      accountUpdates.values().removeIf(u -> u.isEmpty());
    }
    List<WriteOutcome> noticeOutcomes = batch(notices, noticeWrites);
    List<WriteOutcome> taskOutcomes = batch(tasks, taskWrites);
    List<WriteOutcome> fileOutcomes = batch(files, fileWrites);
    List<WriteRequest> accountWrites = new ArrayList<>();
    List<String> accountOrder = new ArrayList<>(accountUpdates.keySet());
    for (String account : accountOrder) {
      accountWrites.add(
          new WriteRequest(
              "account:" + account, "Account", account, accountUpdates.get(account), null));
    }
    List<WriteOutcome> accountOutcomes = batch(accounts, accountWrites);
    for (int i = 0; i < requests.size(); i++) {
      if (outcomes[i] != null) {
        continue;
      }
      Parts p = parts.get(i);
      List<WriteOutcome> mine = new ArrayList<>();
      p.notices.forEach(j -> mine.add(noticeOutcomes.get(j)));
      p.tasks.forEach(j -> mine.add(taskOutcomes.get(j)));
      p.files.forEach(j -> mine.add(fileOutcomes.get(j)));
      int at = p.account == null ? -1 : accountOrder.indexOf(p.account);
      WriteOutcome accountOutcome = at < 0 ? null : accountOutcomes.get(at);
      outcomes[i] = combine(mine, accountOutcome);
    }
    return List.of(outcomes);
  }

  /**
   * One outcome for an activity's records: a failure if any failed (retryable first: the retry is
   * idempotent), else applied with the first record's id, or already applied when every record was
   * there before.
   */
  private static WriteOutcome combine(List<WriteOutcome> parts, WriteOutcome account) {
    List<WriteOutcome> all = new ArrayList<>(parts);
    if (account != null) {
      all.add(account);
    }
    for (WriteOutcome o : all) {
      if (o instanceof WriteOutcome.Retryable) {
        return o;
      }
    }
    for (WriteOutcome o : all) {
      if (o instanceof WriteOutcome.Permanent) {
        return o;
      }
    }
    String id = null;
    boolean allAlready = true;
    for (WriteOutcome o : parts) {
      if (o instanceof WriteOutcome.Applied a) {
        allAlready = false;
        id = id == null ? a.hostId() : id;
      } else if (o instanceof WriteOutcome.AlreadyApplied a) {
        id = id == null ? a.hostId() : id;
      }
    }
    return allAlready ? new WriteOutcome.AlreadyApplied(id) : new WriteOutcome.Applied(id, null);
  }

  private static List<WriteOutcome> batch(RecordSink sink, List<WriteRequest> writes) {
    return writes.isEmpty() ? List.of() : sink.writeBatch(writes);
  }

  private static WriteRequest request(String object, String key, ObjectNode payload) {
    return new WriteRequest(key, object, null, payload, null);
  }

  private String where(WriteRequest r) {
    return connection + ": Activity " + r.idempotencyKey();
  }

  private static ObjectNode json() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** A field's text, or null when it is missing, null or blank. */
  static String text(JsonNode node, String field) {
    return ActivityRecords.text(node, field);
  }
}
