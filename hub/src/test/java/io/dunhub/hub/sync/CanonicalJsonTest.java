package io.dunhub.hub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.ContactRole;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  private static Invoice invoice() {
    return new Invoice(
        "c-1",
        "p-1",
        "INV-7",
        LocalDate.of(2026, 1, 2),
        LocalDate.of(2026, 2, 1),
        Money.of("100.00", "USD"),
        Money.of("12.5", "USD"),
        InvoiceStatus.PARTIALLY_PAID,
        "Net 30",
        null,
        Set.of());
  }

  @Test
  void recordsRoundTripWithOnlyTheirComponents() {
    String text = CanonicalJson.text(invoice());

    assertThat(text)
        .contains("\"dueDate\":\"2026-02-01\",\"flags\":[],\"id\":\"c-1\",\"issueDate\"")
        .contains("\"openBalance\":{\"amount\":12.50,\"currency\":\"USD\"}")
        .doesNotContain("zero")
        .doesNotContain("\"open\":");
    assertThat(CanonicalJson.read(CanonicalJson.parse(text), Invoice.class)).isEqualTo(invoice());
    assertThat(CanonicalJson.text(CanonicalJson.tree(invoice()))).isEqualTo(text);
  }

  @Test
  void setsAndKeysAreWrittenInOneOrderWhateverOrderTheyCameIn() {
    Set<String> ab = new LinkedHashSet<>(List.of("b", "a", "c"));
    Set<String> ba = new LinkedHashSet<>(List.of("c", "a", "b"));
    Party one =
        new Party(
            "x",
            "N",
            null,
            null,
            "US",
            Locale.ENGLISH,
            ZoneId.of("UTC"),
            null,
            ab,
            null,
            null,
            false,
            false);
    Party two =
        new Party(
            "x",
            "N",
            null,
            null,
            "US",
            Locale.ENGLISH,
            ZoneId.of("UTC"),
            null,
            ba,
            null,
            null,
            false,
            false);
    assertThat(CanonicalJson.text(one))
        .isEqualTo(CanonicalJson.text(two))
        .contains("[\"a\",\"b\",\"c\"]");

    var tree = CanonicalJson.tree(one);
    tree.put("zzz", 1);
    tree.remove("name");
    tree.put("name", "N");
    assertThat(CanonicalJson.text(tree)).contains("\"locale\":\"en\",\"name\":\"N\"");
  }

  @Test
  void changedFieldsComparesValuesNotSpellings() {
    Contact a =
        new Contact(
            "k",
            "p",
            "Wile",
            "Coyote",
            "w@acme.test",
            null,
            ContactRole.BILLING,
            Channel.EMAIL,
            Set.of(Channel.SMS, Channel.LETTER),
            true);
    var x = CanonicalJson.tree(a);
    var y = CanonicalJson.tree(a.withEmail("x@acme.test"));
    y.put("id", "other");
    assertThat(CanonicalJson.changedFields(x, y)).containsExactly("email");

    var m1 = CanonicalJson.tree(invoice());
    var m2 = CanonicalJson.tree(invoice());
    ((com.fasterxml.jackson.databind.node.ObjectNode) m2.get("total"))
        .put("amount", new java.math.BigDecimal("100"));
    assertThat(CanonicalJson.changedFields(m1, m2)).isEmpty();
  }
}
