package io.dunhub.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.testing.ManualClock;
import io.dunhub.salesforce.sandbox.SandboxSeed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a Salesforce admin sees after Dunhub works an overdue invoice: the invoice mirrored, a
 * Dunning Notice record, completed Tasks on the account and the invoice with the contact as WhoId,
 * the PDF letter filed on the account, the payment result, and an open escalation Task owned by the
 * account owner. Every write repeated changes nothing.
 */
class DunningWriteBackIT {
  ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
  SandboxOrgFixture org;
  SalesforceConnection sf;
  String accountId;
  String contactId;
  String ownerId;

  @BeforeEach
  void installAndSeed() {
    org = new SandboxOrgFixture(clock, clock);
    sf = org.open("acme", Map.of());
    InstallReport report =
        new SalesforceInstaller(clock, clock, Duration.ofSeconds(1), Duration.ofMinutes(1))
            .install(sf);
    assertThat(report.success()).as(report.summary()).isTrue();
    SandboxSeed.Result seeded =
        SandboxSeed.realistic(3).accounts(3).invoicesPerAccount(0).apply(org.sandbox.org());
    accountId = seeded.accountIds().get(1);
    Map<String, String> account = org.sandbox.org().get("Account", accountId).orElseThrow();
    ownerId = account.get("OwnerId");
    contactId =
        org.sandbox.org().records("Contact").stream()
            .filter(c -> accountId.equals(c.get("AccountId")))
            .findFirst()
            .orElseThrow()
            .get("Id");
  }

  @AfterEach
  void stop() {
    org.close();
  }

  @Test
  void noticeTasksLetterPaymentAndEscalationLandOnTheRightRecords() {
    // the accounting system's invoice, mirrored (the org has no invoice object of its own)
    WriteOutcome invoice =
        write(
            "Invoice",
            "mirror-inv-1001-v1",
            json()
                .put("Dunhub_Key__c", "qbo-main:Invoice:1001")
                .put("Name", "INV-1001")
                .put("Account__c", accountId)
                .put("Invoice_Number__c", "INV-1001")
                .put("Due_Date__c", "2026-10-31")
                .put("Total__c", "1250.00")
                .put("Balance__c", "1250.00")
                .put("Currency__c", "USD")
                .put("Status__c", "Open"));
    assertThat(invoice).isInstanceOf(WriteOutcome.Applied.class);
    String invoiceId = ((WriteOutcome.Applied) invoice).hostId();

    // the notice record
    WriteOutcome notice =
        write(
            "Dunning_Notice__c",
            "notice:case-7:step-2:email",
            json()
                .put("Account__c", accountId)
                .put("Contact__c", contactId)
                .put("Dunhub_Invoice__c", invoiceId)
                .put("Invoice_Record_Id__c", invoiceId)
                .put("Invoice_Number__c", "INV-1001")
                .put("Channel__c", "Email")
                .put("Step__c", "reminder-2")
                .put("Status__c", "Sent")
                .put("Sent_At__c", "2026-11-23T09:00:00Z")
                .put("Amount_Due__c", "1250.00")
                .put("Currency__c", "USD")
                .put("Subject__c", "Second reminder: INV-1001")
                .put("Body__c", "Dear Ana, invoice INV-1001 for USD 1,250.00 is 23 days overdue."));
    assertThat(notice).isInstanceOf(WriteOutcome.Applied.class);

    // completed tasks on the account and on the invoice, both with the contact
    RecordSink tasks = sf.sink("Task");
    List<WriteOutcome> taskOutcomes =
        tasks.writeBatch(
            List.of(
                taskRequest("notice:case-7:step-2:email:task:account", accountId),
                taskRequest("notice:case-7:step-2:email:task:invoice", invoiceId)));
    assertThat(taskOutcomes).allMatch(o -> o instanceof WriteOutcome.Applied);

    // the PDF letter, filed on the account
    WriteOutcome letter =
        write(
            "ContentVersion",
            "notice:case-7:step-3:letter",
            json()
                .put("Title", "Final notice INV-1001")
                .put("PathOnClient", "final-notice-INV-1001.pdf")
                .put(
                    "VersionData",
                    Base64.getEncoder()
                        .encodeToString(
                            "%PDF-1.7 final notice".getBytes(StandardCharsets.US_ASCII)))
                .put("FirstPublishLocationId", accountId));
    assertThat(letter).isInstanceOf(WriteOutcome.Applied.class);

    // a failed card payment Dunhub attempted
    WriteOutcome payment =
        write(
            "Dunhub_Payment__c",
            "payment:pi_123",
            json()
                .put("Name", "pi_123")
                .put("Account__c", accountId)
                .put("Invoice__c", invoiceId)
                .put("Amount__c", "1250.00")
                .put("Currency__c", "USD")
                .put("Payment_Date__c", "2026-11-23")
                .put("Result__c", "Failed")
                .put("Failure_Reason__c", "card_declined: insufficient funds"));
    assertThat(payment).isInstanceOf(WriteOutcome.Applied.class);

    // the policy escalates to a person: an open task, owned by the account owner
    WriteOutcome escalation =
        write(
            "Task",
            "escalate:case-7:step-4",
            json()
                .put("WhatId", accountId)
                .put("WhoId", contactId)
                .put("Subject", "Call Acme about INV-1001 (45 days overdue)")
                .put("Status", "Not Started")
                .put("Priority", "High")
                .put("ActivityDate", "2026-11-25"));
    assertThat(escalation).isInstanceOf(WriteOutcome.Applied.class);

    // what the admin sees in the org
    var sandbox = org.sandbox.org();
    Map<String, String> noticeRecord = sandbox.records("Dunning_Notice__c").get(0);
    assertThat(noticeRecord)
        .containsEntry("Account__c", accountId)
        .containsEntry("Contact__c", contactId)
        .containsEntry("Dunhub_Key__c", "notice:case-7:step-2:email")
        .containsEntry("Amount_Due__c", "1250.00");
    assertThat(noticeRecord.get("Name")).isEqualTo("DN-000001");

    List<Map<String, String>> orgTasks = sandbox.records("Task");
    assertThat(orgTasks).hasSize(3);
    assertThat(orgTasks)
        .filteredOn(t -> "Completed".equals(t.get("Status")))
        .extracting(t -> t.get("WhatId") + "/" + t.get("WhoId"))
        .containsExactlyInAnyOrder(accountId + "/" + contactId, invoiceId + "/" + contactId);
    assertThat(orgTasks)
        .filteredOn(t -> "Completed".equals(t.get("Status")))
        .allSatisfy(
            t -> {
              assertThat(t.get("Description")).contains("INV-1001 for USD 1,250.00");
              assertThat(t.get("TaskSubtype")).isEqualTo("Email");
              assertThat(t.get("IsClosed")).isEqualTo("true");
            });
    Map<String, String> open =
        orgTasks.stream()
            .filter(t -> "Not Started".equals(t.get("Status")))
            .findFirst()
            .orElseThrow();
    assertThat(open).containsEntry("OwnerId", ownerId).containsEntry("WhatId", accountId);

    assertThat(sandbox.records("ContentVersion"))
        .singleElement()
        .satisfies(v -> assertThat(v).containsEntry("FirstPublishLocationId", accountId));
    assertThat(sandbox.records("Dunhub_Payment__c"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .containsEntry("Result__c", "Failed")
                    .containsEntry("Invoice__c", invoiceId));

    // the relay delivers everything a second time (a crash before it recorded the outcomes)
    long callsBefore = org.sandbox.api().totalCalls();
    assertThat(
            tasks.writeBatch(
                List.of(
                    taskRequest("notice:case-7:step-2:email:task:account", accountId),
                    taskRequest("notice:case-7:step-2:email:task:invoice", invoiceId))))
        .allMatch(o -> o instanceof WriteOutcome.AlreadyApplied);
    assertThat(
            write(
                "Dunning_Notice__c",
                "notice:case-7:step-2:email",
                json().put("Account__c", accountId).put("Channel__c", "Email")))
        .isInstanceOf(WriteOutcome.AlreadyApplied.class);
    assertThat(sandbox.records("Task")).hasSize(3);
    assertThat(sandbox.records("Dunning_Notice__c")).hasSize(1);
    assertThat(org.sandbox.api().totalCalls() - callsBefore)
        .as("one key lookup for the tasks, one upsert for the notice")
        .isEqualTo(2);
  }

  @Test
  void recordErrorsComeBackAsPermanentOutcomesWithSalesforcesMessage() {
    WriteOutcome bad =
        write(
            "Dunning_Notice__c",
            "k2",
            json().put("Account__c", "001000000000000AAA").put("Channel__c", "Email"));
    assertThat(bad).isInstanceOf(WriteOutcome.Permanent.class);
    assertThat(((WriteOutcome.Permanent) bad).reason())
        .contains("INVALID_CROSS_REFERENCE_KEY")
        .contains("Account__c")
        .contains("acme: Dunning_Notice__c k2");
  }

  private WriteRequest taskRequest(String key, String whatId) {
    return new WriteRequest(key, "Task", null, task(whatId), null);
  }

  private ObjectNode task(String whatId) {
    return json()
        .put("WhatId", whatId)
        .put("WhoId", contactId)
        .put("Subject", "Email: Second reminder: INV-1001")
        .put("Status", "Completed")
        .put("Priority", "Normal")
        .put("TaskSubtype", "Email")
        .put("ActivityDate", "2026-11-23")
        .put("Description", "Dear Ana, invoice INV-1001 for USD 1,250.00 is 23 days overdue.");
  }

  private WriteOutcome write(String object, String key, ObjectNode payload) {
    return sf.sink(object).write(new WriteRequest(key, object, null, payload, null));
  }

  private static ObjectNode json() {
    return JsonNodeFactory.instance.objectNode();
  }
}
