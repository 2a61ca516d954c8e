package io.dunhub.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartyTest {

  private static Party party(String name, String country) {
    return new Party(
        null, name, null, null, country, null, null, null, Set.of("vip"), null, null, false, false);
  }

  @Test
  void aNameIsRequiredAndTheRestDefaults() {
    assertThatThrownBy(() -> Party.named(" ")).hasMessage("party name is required");
    Party p = Party.named("Acme Ltd");
    assertThat(p.locale()).isEqualTo(Locale.ENGLISH);
    assertThat(p.timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(p.tags()).isEmpty();
    assertThat(p.excludedFromDunning()).isFalse();
  }

  @Test
  void countryIsAnUpperCaseIsoAlpha2Code() {
    assertThat(party("Acme", "us").country()).isEqualTo("US");
    assertThat(party("Acme", " de ").country()).isEqualTo("DE");
    assertThat(party("Acme", "").country()).isNull();
    assertThatThrownBy(() -> party("Acme", "USA"))
        .hasMessage("party Acme: country must be an ISO 3166 alpha-2 code, got 'USA'");
    assertThatThrownBy(() -> party("Acme", "12")).hasMessageContaining("got '12'");
  }

  @Test
  void tagsAreCopiedAndWithersKeepTheRest() {
    Party p = party("Acme", "GB").withId("p-1").withEmail("ap@acme.example");
    assertThat(p.id()).isEqualTo("p-1");
    assertThat(p.email()).isEqualTo("ap@acme.example");
    assertThat(p.country()).isEqualTo("GB");
    assertThat(p.tags()).containsExactly("vip");
    assertThatThrownBy(() -> p.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }
}
