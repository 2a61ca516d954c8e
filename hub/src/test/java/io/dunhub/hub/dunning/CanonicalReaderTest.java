package io.dunhub.hub.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.model.Contact;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.Party;
import io.dunhub.hub.sync.CanonicalJson;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanonicalReaderTest {

  @Test
  void readsWhatTheSyncEngineStores() {
    Party party = Fixtures.party("p1", "DE", "Europe/Berlin");
    Contact contact = Fixtures.contact("p1", Set.of(io.dunhub.core.model.Channel.SMS), true);
    Invoice invoice = Fixtures.invoice("i1", "p1", "2028-02-29", "1234.56", "EUR");

    assertThat(CanonicalReader.read(CanonicalJson.text(party), Party.class, "parties/p1"))
        .isEqualTo(party);
    assertThat(CanonicalReader.read(CanonicalJson.text(contact), Contact.class, "contacts/c"))
        .isEqualTo(contact);
    assertThat(CanonicalReader.read(CanonicalJson.text(invoice), Invoice.class, "invoices/i1"))
        .isEqualTo(invoice);
  }
}
