package io.dunhub.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactTest {

  private static Contact contact(
      String email, String phone, Set<Channel> optedOut, boolean consent) {
    return new Contact(
        "c-1",
        "party-1",
        "Ada",
        "Byron",
        email,
        phone,
        ContactRole.BILLING,
        Channel.EMAIL,
        optedOut,
        consent);
  }

  @Test
  void emailNeedsAnAddressThatLooksLikeOne() {
    assertThat(contact("ap@acme.example", null, null, false).reachableBy(Channel.EMAIL)).isTrue();
    assertThat(contact(" ap@acme.example ", null, null, false).reachableBy(Channel.EMAIL)).isTrue();
    assertThat(contact(null, null, null, false).reachableBy(Channel.EMAIL)).isFalse();
    assertThat(contact("  ", null, null, false).reachableBy(Channel.EMAIL)).isFalse();
    assertThat(contact("n/a", null, null, false).reachableBy(Channel.EMAIL)).isFalse();
  }

  @Test
  void smsNeedsAPhoneAndConsent() {
    assertThat(contact(null, "+15555550100", null, true).reachableBy(Channel.SMS)).isTrue();
    assertThat(contact(null, "+15555550100", null, false).reachableBy(Channel.SMS))
        .as("no consent")
        .isFalse();
    assertThat(contact(null, " ", null, true).reachableBy(Channel.SMS)).isFalse();
  }

  @Test
  void anOptOutWinsOverEverything() {
    Contact c =
        contact("ap@acme.example", "+15555550100", Set.of(Channel.EMAIL, Channel.LETTER), true);
    assertThat(c.reachableBy(Channel.EMAIL)).isFalse();
    assertThat(c.reachableBy(Channel.LETTER)).isFalse();
    assertThat(c.reachableBy(Channel.SMS)).isTrue();
    assertThat(c.reachableBy(Channel.TASK)).isTrue();
  }

  @Test
  void aContactNeedsAName() {
    assertThatThrownBy(
            () -> new Contact(null, "p", " ", null, "a@b.c", null, null, null, null, false))
        .hasMessage("contact needs a first or last name");
    Contact lastOnly = new Contact(null, "p", null, "Byron", null, null, null, null, null, false);
    assertThat(lastOnly.displayName()).isEqualTo("Byron");
    assertThat(lastOnly.role()).isEqualTo(ContactRole.OTHER);
    assertThat(contact(null, null, null, false).displayName()).isEqualTo("Ada Byron");
  }
}
