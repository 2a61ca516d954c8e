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

  @Test
  void accountOwnerAndAddressAreOptionalAndChecked() {
    Party p =
        party("Acme", "US")
            .withOwnerAndAddress(
                " 0055e000001AbCdAAK ",
                new PostalAddress(
                    " 1 Main Street\nSuite 200 ", "Springfield", "IL", "62701", "USA"));
    assertThat(p.accountOwner()).isEqualTo("0055e000001AbCdAAK");
    assertThat(p.address().lines())
        .containsExactly("1 Main Street", "Suite 200", "62701 Springfield IL", "USA");
    assertThat(p.withId("p-2").address()).isEqualTo(p.address());
    assertThat(p.withEmail("x@acme.example").accountOwner()).isEqualTo("0055e000001AbCdAAK");

    Party empty =
        party("Acme", "US").withOwnerAndAddress("  ", new PostalAddress(" ", null, "", null, null));
    assertThat(empty.accountOwner()).isNull();
    assertThat(empty.address()).as("an address with nothing in it is no address").isNull();
    assertThat(PostalAddress.of(null, "", " ", null, null)).isNull();

    assertThatThrownBy(() -> party("Acme", "US").withOwnerAndAddress("a\nb", null))
        .hasMessage("party Acme: account owner must be one line of at most 255 characters");
    assertThatThrownBy(() -> new PostalAddress("x".repeat(501), null, null, null, null))
        .hasMessage("address street is longer than 500 characters");
  }

  @Test
  void jsonWithoutOwnerAndAddressStillReadsAndTheNewFieldsRoundTrip() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
    Party old =
        json.readValue(
            "{\"id\":\"p-1\",\"name\":\"Acme\",\"country\":\"US\",\"tags\":[],"
                + "\"excludedFromDunning\":false,\"inDispute\":false}",
            Party.class);
    assertThat(old.accountOwner()).isNull();
    assertThat(old.address()).isNull();
    assertThat(old.name()).isEqualTo("Acme");

    Party full =
        party("Acme", "US")
            .withOwnerAndAddress(
                "005A", PostalAddress.of("1 Main St", "Springfield", null, null, "US"));
    Party back = json.readValue(json.writeValueAsString(full), Party.class);
    assertThat(back).isEqualTo(full);
  }
}
