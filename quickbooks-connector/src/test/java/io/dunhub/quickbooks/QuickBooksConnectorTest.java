package io.dunhub.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.connector.ConfigProblem;
import io.dunhub.core.connector.ConnectionSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuickBooksConnectorTest {

  private final QuickBooksConnector connector = new QuickBooksConnector();

  @Test
  void validationReportsEveryProblemAtOnce() {
    ConnectionSettings settings =
        new ConnectionSettings(
            "books",
            "quickbooks",
            Map.of(
                "realmId", "acme-company",
                "minorVersion", "70",
                "maxConcurrent", "20",
                "proxyHost", "localhost",
                "clientSecrett", "typo"),
            Map.of());

    List<ConfigProblem> problems = connector.validate(settings);

    assertThat(problems)
        .extracting(ConfigProblem::key)
        .containsExactlyInAnyOrder(
            "clientId",
            "clientSecret",
            "clientSecrett",
            "realmId",
            "minorVersion",
            "maxConcurrent",
            "proxyPort");
    assertThat(problems)
        .filteredOn(p -> p.key().equals("minorVersion"))
        .singleElement()
        .extracting(ConfigProblem::message)
        .asString()
        .contains("75");
  }

  @Test
  void aCompleteConfigIsValid() {
    ConnectionSettings settings =
        new ConnectionSettings(
            "books",
            "quickbooks",
            Map.of("realmId", "9130357766112", "clientId", "AB123"),
            Map.of("clientSecret", io.dunhub.core.secret.Secret.of("s")));
    assertThat(connector.validate(settings)).isEmpty();
  }

  @Test
  void declaresItsStreamsSinksAndQboLimits() {
    var caps = connector.capabilities();
    assertThat(caps.streams())
        .extracting(s -> s.name())
        .containsExactly("Customer", "Invoice", "Payment");
    assertThat(caps.sink("Attachable").orElseThrow().maxBatch()).isEqualTo(30);
    assertThat(caps.rateLimit().permits()).isEqualTo(500);
    assertThat(caps.rateLimit().maxConcurrent()).isEqualTo(10);
    assertThat(caps.maxReadPage()).isEqualTo(1000);
  }
}
