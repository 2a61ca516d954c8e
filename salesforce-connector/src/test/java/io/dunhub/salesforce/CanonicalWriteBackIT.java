package io.dunhub.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The hub's write-backs as the hub sends them (the canonical activity with the host ids of its
 * account and invoice) land as the records a Salesforce user looks at: a Dunning Notice, a
 * completed Task with the contact the notice went to, the letter on the account, an open Task for
 * the account owner on escalation; the account's dunning status follows.
 */
class CanonicalWriteBackIT {
  ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
  SandboxOrgFixture org;
  SalesforceConnection sf;
  String accountId;
  String ownerId;
  Map<String, String> contact;

  @BeforeEach
  void installAndSeed() {
    org = new SandboxOrgFixture(clock, clock);
    sf = org.open("crm", Map.of());
    InstallReport report =
        new SalesforceInstaller(clock, clock, Duration.ofSeconds(1), Duration.ofMinutes(1))
            .install(sf);
    assertThat(report.success()).as(report.summary()).isTrue();
    SandboxSeed.Result seeded =
        SandboxSeed.realistic(11)
            .accounts(3)
            .contactsPerAccount(2)
            .invoicesPerAccount(0)
            .apply(org.sandbox.org());
    accountId = seeded.accountIds().get(1);
    ownerId = org.sandbox.org().get("Account", accountId).orElseThrow().get("OwnerId");
    contact =
        org.sandbox.org().records("Contact").stream()
            .filter(c -> accountId.equals(c.get("AccountId")))
            .reduce((first, second) -> second)
            .orElseThrow();
  }

  @AfterEach
  void stop() {
    org.close();
  }

  @Test
  void aNoticeBecomesADunningNoticeACompletedTaskWithTheContactAndTheLetter() {
    ObjectNode notice =
        activity("a-1", "NOTICE_SENT", "2026-11-23T09:00:00Z")
            .put("channel", "EMAIL")
            .put("recipient", contact.get("Email").toUpperCase(java.util.Locale.ROOT))
            .put("subject", "Second reminder: INV-1001")
            .put("content", "Dear customer, invoice INV-1001 for USD 1,250.00 is 23 days overdue.")
            .put("attachmentName", "final-notice-INV-1001.pdf")
            .put(
                "attachmentBase64",
                Base64.getEncoder()
                    .encodeToString("%PDF-1.7 letter".getBytes(StandardCharsets.US_ASCII)));
    notice.putObject("attributes").put("step", "reminder-2").put("template", "reminder");

    WriteOutcome outcome = writeActivity("writeback:a-1:crm", notice);

    assertThat(outcome).isInstanceOf(WriteOutcome.Applied.class);
    var sandbox = org.sandbox.org();
    assertThat(sandbox.records("Dunning_Notice__c"))
        .singleElement()
        .satisfies(
            n ->
                assertThat(n)
                    .containsEntry("Account__c", accountId)
                    .containsEntry("Contact__c", contact.get("Id"))
                    .containsEntry("Channel__c", "Email")
                    .containsEntry("Status__c", "Sent")
                    .containsEntry("Step__c", "reminder-2")
                    .containsEntry("Subject__c", "Second reminder: INV-1001")
                    .containsEntry("Dunhub_Key__c", "writeback:a-1:crm"));
    assertThat(sandbox.records("Task"))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t)
                    .containsEntry("WhatId", accountId)
                    .containsEntry("WhoId", contact.get("Id"))
                    .containsEntry("Status", "Completed")
                    .containsEntry("TaskSubtype", "Email")
                    .containsEntry("ActivityDate", "2026-11-23")
                    .containsEntry("Subject", "Dunning notice sent: Second reminder: INV-1001"));
    assertThat(sandbox.records("ContentVersion"))
        .singleElement()
        .satisfies(v -> assertThat(v).containsEntry("FirstPublishLocationId", accountId));
    assertThat(sandbox.get("Account", accountId).orElseThrow())
        .containsEntry("Dunning_Status__c", "In_Dunning")
        .containsEntry("Last_Dunning_Notice_At__c", "2026-11-23T09:00:00.000Z");

    // the relay delivers it again (it crashed before recording the outcome): nothing new
    WriteOutcome again = writeActivity("writeback:a-1:crm", notice);

    assertThat(again).isInstanceOf(WriteOutcome.AlreadyApplied.class);
    assertThat(sandbox.records("Dunning_Notice__c")).hasSize(1);
    assertThat(sandbox.records("Task")).hasSize(1);
    assertThat(sandbox.records("ContentVersion")).hasSize(1);
  }

  @Test
  void anEscalationIsAnOpenTaskOwnedByTheAccountOwner() {
    ObjectNode escalation =
        activity("a-2", "ESCALATED", "2026-11-24T08:00:00Z")
            .put("subject", "Call about INV-1001 (45 days overdue)")
            .put("content", "Call about INV-1001 (45 days overdue)");
    escalation.putObject("attributes").put("kind", "task").put("assignee", "account-owner");

    WriteOutcome outcome = writeActivity("writeback:a-2:crm", escalation);

    assertThat(outcome).isInstanceOf(WriteOutcome.Applied.class);
    assertThat(org.sandbox.org().records("Task"))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t)
                    .containsEntry("WhatId", accountId)
                    .containsEntry("OwnerId", ownerId)
                    .containsEntry("Status", "Not Started")
                    .containsEntry("Priority", "High")
                    .containsEntry("ActivityDate", "2026-11-24"));
    assertThat(org.sandbox.org().records("Dunning_Notice__c")).isEmpty();
    assertThat(org.sandbox.org().get("Account", accountId).orElseThrow())
        .containsEntry("Dunning_Status__c", "Escalated");
  }

  @Test
  void aNoticeRelayedAfterAnEscalationLeavesTheAccountEscalated() {
    ObjectNode escalation = activity("a-4", "ESCALATED", "2026-11-24T08:00:00Z");
    ObjectNode notice =
        activity("a-5", "NOTICE_SENT", "2026-11-24T08:00:00Z")
            .put("channel", "EMAIL")
            .put("recipient", contact.get("Email"));

    writeActivity("writeback:a-4:crm", escalation);
    writeActivity("writeback:a-5:crm", notice);

    assertThat(org.sandbox.org().get("Account", accountId).orElseThrow())
        .containsEntry("Dunning_Status__c", "Escalated")
        .containsEntry("Last_Dunning_Notice_At__c", "2026-11-24T08:00:00.000Z");
  }

  @Test
  void aWriteBackWithoutAnAccountIsRefusedWithAReason() {
    ObjectNode orphan = activity("a-3", "NOTE", "2026-11-24T08:00:00Z");
    orphan.remove("partyHostId");

    WriteOutcome outcome = writeActivity("writeback:a-3:crm", orphan);

    assertThat(outcome).isInstanceOf(WriteOutcome.Permanent.class);
    assertThat(((WriteOutcome.Permanent) outcome).reason())
        .contains("crm: Activity writeback:a-3:crm")
        .contains("partyHostId");
  }

  private ObjectNode activity(String id, String type, String at) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("id", id)
        .put("type", type)
        .put("at", at)
        .put("partyId", "party-1")
        .putNull("invoiceId")
        .put("partyHostId", accountId)
        .putNull("invoiceHostId");
  }

  private WriteOutcome writeActivity(String key, ObjectNode payload) {
    return sf.sink("Activity")
        .writeBatch(List.of(new WriteRequest(key, "Activity", null, payload, null)))
        .get(0);
  }
}
