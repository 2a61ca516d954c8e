package io.dunhub.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The org commits an upsert and the connection drops before the answer: the connector cannot tell
 * whether its write happened, retries the same external id, and Salesforce matches the record it
 * made instead of making another.
 */
class LostAnswerIT {
  ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
  SandboxOrgFixture org = new SandboxOrgFixture(clock, clock);

  @AfterEach
  void stop() {
    org.close();
  }

  @Test
  void aLostUpsertAnswerIsRetriedAndTheRecordIsMadeOnce() {
    SalesforceConnection sf = org.open("crm", Map.of());
    assertThat(
            new SalesforceInstaller(clock, clock, Duration.ofSeconds(1), Duration.ofMinutes(1))
                .install(sf)
                .success())
        .isTrue();
    org.sandbox.api().reset();
    org.sandbox.api().loseNextResponse("upsert");

    WriteOutcome outcome =
        sf.sink("Dunning_Notice__c")
            .write(
                new WriteRequest(
                    "notice:case-1:step-1:EMAIL:ana@acme.example",
                    "Dunning_Notice__c",
                    null,
                    JsonNodeFactory.instance.objectNode().put("Channel__c", "Email"),
                    null));

    assertThat(outcome.succeeded()).as("outcome %s", outcome).isTrue();
    assertThat(org.sandbox.api().calls("upsert")).as("the lost call and the retry").isEqualTo(2);
    assertThat(org.sandbox.org().records("Dunning_Notice__c")).hasSize(1);
  }
}
