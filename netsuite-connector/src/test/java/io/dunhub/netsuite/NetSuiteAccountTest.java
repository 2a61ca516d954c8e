package io.dunhub.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetSuiteAccountTest {

  @Test
  void eitherFormGivesBothForms() {
    for (String id : new String[] {"1234567_SB1", "1234567-sb1", "1234567_sb1", " 1234567-SB1 "}) {
      NetSuiteAccount a = NetSuiteAccount.parse(id).orElseThrow();
      assertThat(a.realm()).as(id).isEqualTo("1234567_SB1");
      assertThat(a.hostPrefix()).as(id).isEqualTo("1234567-sb1");
      assertThat(a.defaultBaseUrl()).isEqualTo("https://1234567-sb1.suitetalk.api.netsuite.com");
    }
  }

  @Test
  void productionAccountHasNoSuffix() {
    NetSuiteAccount a = NetSuiteAccount.parse("1234567").orElseThrow();
    assertThat(a.realm()).isEqualTo("1234567");
    assertThat(a.hostPrefix()).isEqualTo("1234567");
  }

  @Test
  void rejectsWhatIsNotAnAccountId() {
    assertThat(NetSuiteAccount.parse("https://1234567.app.netsuite.com")).isEmpty();
    assertThat(NetSuiteAccount.parse("")).isEmpty();
    assertThat(NetSuiteAccount.parse("acme")).isEmpty();
  }
}
