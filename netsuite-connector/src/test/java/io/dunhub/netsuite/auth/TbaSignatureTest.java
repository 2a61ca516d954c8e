package io.dunhub.netsuite.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.secret.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TbaSignatureTest {

  private static final String URL =
      "https://1234567.restlets.api.netsuite.com/app/site/hosting/restlet.nl"
          + "?script=6&deploy=1&customParam=someValue&testParam=someOtherValue";

  private static Map<String, String> oracleParams() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("oauth_consumer_key", "ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4");
    p.put("oauth_token", "2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc");
    p.put("oauth_signature_method", "HMAC-SHA256");
    p.put("oauth_timestamp", "1508242306");
    p.put("oauth_nonce", "fjaLirsIcCGVZWzBX0pg");
    p.put("oauth_version", "1.0");
    return p;
  }

  @Test
  void reproducesOraclesPublishedTestVector() {
    String signature =
        TbaSignature.sign(
            "POST",
            URL,
            oracleParams(),
            Secret.of("d26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9e8b5"),
            Secret.of("c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295"));

    assertThat(signature).isEqualTo("i7MEtGwhCTIZbTsTrNGw9LdcERn4wsjt5C7TxmKWIfU=");
  }

  @Test
  void baseStringSortsQueryAndOauthParametersTogetherAndLeavesRealmOut() {
    Map<String, String> params = oracleParams();
    params.put("realm", "1234567");

    String base = TbaSignature.baseString("post", URL, params);

    assertThat(base)
        .startsWith(
            "POST&https%3A%2F%2F1234567.restlets.api.netsuite.com%2Fapp%2Fsite%2Fhosting%2Frestlet.nl&")
        .contains("customParam%3DsomeValue%26deploy%3D1%26oauth_consumer_key")
        .doesNotContain("realm");
  }

  @Test
  void aDifferentTokenSecretGivesADifferentSignature() {
    String a = TbaSignature.sign("GET", URL, oracleParams(), Secret.of("c"), Secret.of("t1"));
    String b = TbaSignature.sign("GET", URL, oracleParams(), Secret.of("c"), Secret.of("t2"));
    assertThat(a).isNotEqualTo(b);
  }
}
