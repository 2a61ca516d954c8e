package io.dunhub.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.connector.ConfigProblem;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.secret.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceSettingsTest {
  private final SalesforceConnector connector = new SalesforceConnector();

  @Test
  void reportsEveryProblemAtOnce() {
    ConnectionSettings s =
        new ConnectionSettings(
            "acme",
            "salesforce",
            Map.of(
                "login_url",
                "login.salesforce.com",
                "api_share_percent",
                "150",
                "max_concurrent",
                "40",
                "colour",
                "blue"),
            Map.of());
    assertThat(connector.validate(s))
        .extracting(ConfigProblem::key)
        .containsExactlyInAnyOrder(
            "login_url",
            "client_id",
            "username",
            "private_key",
            "api_share_percent",
            "max_concurrent",
            "colour");
  }

  @Test
  void eachAuthFlowAsksForItsOwnCredentials() {
    assertThat(
            connector.validate(
                new ConnectionSettings(
                    "a",
                    "salesforce",
                    Map.of("auth", "client_credentials", "client_id", "x"),
                    Map.of())))
        .extracting(ConfigProblem::key)
        .containsExactlyInAnyOrder("client_secret", "my_domain_url");
    assertThat(
            connector.validate(
                new ConnectionSettings(
                    "a",
                    "salesforce",
                    Map.of(
                        "client_id",
                        "3MVG9",
                        "username",
                        "u@x.example",
                        "private_key_file",
                        "/etc/dunhub/sf.pem"),
                    Map.of())))
        .isEmpty();
    assertThat(
            connector.validate(
                new ConnectionSettings(
                    "a",
                    "salesforce",
                    Map.of("auth", "password", "username", "u"),
                    Map.of("password", Secret.of("p")))))
        .isEmpty();
    assertThat(
            connector.validate(
                new ConnectionSettings("a", "salesforce", Map.of("auth", "saml"), Map.of())))
        .extracting(ConfigProblem::key)
        .containsExactly("auth");
  }

  @Test
  void secretsNeverShowInTheSettings() {
    ConnectionSettings s =
        new ConnectionSettings(
            "a",
            "salesforce",
            Map.of(),
            Map.of("private_key", Secret.of("-----BEGIN PRIVATE KEY-----abc")));
    assertThat(s.toString()).doesNotContain("BEGIN PRIVATE KEY");
  }
}
