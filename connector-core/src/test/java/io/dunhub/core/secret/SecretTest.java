package io.dunhub.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.connector.ConnectionSettings;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void toStringIsAlwaysMasked() {
    Secret s = Secret.of("hunter2-very-secret");
    assertThat(s.toString()).isEqualTo("******").doesNotContain("hunter2");
    assertThat(String.valueOf(s)).isEqualTo("******");
    assertThat("token=" + s).isEqualTo("token=******");
    assertThat(s.reveal()).isEqualTo("hunter2-very-secret");
  }

  @Test
  void recordsHoldingSecretsPrintMasked() {
    OAuthToken token =
        new OAuthToken(
            Secret.of("access-abc"),
            Secret.of("refresh-xyz"),
            Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(token.toString()).doesNotContain("access-abc").doesNotContain("refresh-xyz");
    ConnectionSettings settings =
        new ConnectionSettings(
            "acme-qbo",
            "quickbooks",
            Map.of("realmId", "9130"),
            Map.of("clientSecret", Secret.of("cs-123")));
    assertThat(settings.toString())
        .contains("clientSecret")
        .contains("9130")
        .doesNotContain("cs-123");
  }

  @Test
  void equalityComparesValues() {
    assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).hasSameHashCodeAs(Secret.of("a"));
    assertThat(Secret.of("a")).isNotEqualTo(Secret.of("b"));
    assertThat(Secret.of("").isEmpty()).isTrue();
  }

  @Test
  void nullIsNotASecret() {
    assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class);
    assertThat(Secret.ofNullable(null)).isNull();
  }
}
