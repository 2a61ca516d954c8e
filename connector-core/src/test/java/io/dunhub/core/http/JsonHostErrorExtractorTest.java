package io.dunhub.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class JsonHostErrorExtractorTest {

  private final JsonHostErrorExtractor extractor = new JsonHostErrorExtractor();

  @Test
  void quickBooksFaultGivesMessageAndDetail() throws IOException {
    HostError error = extractor.extract(response(400), fixture("quickbooks-validation-fault.json"));
    assertThat(error.message())
        .isEqualTo(
            "Required param missing, need to supply the required value for the API: "
                + "Required parameter Line.Amount is missing in the request");
    assertThat(error.code()).isEqualTo("2020");
  }

  @Test
  void salesforceErrorArrayGivesFirstMessageAndCode() throws IOException {
    HostError error = extractor.extract(response(400), fixture("salesforce-invalid-field.json"));
    assertThat(error.message()).startsWith("No such column 'Dunning_Segment__c' on entity");
    assertThat(error.code()).isEqualTo("INVALID_FIELD");
  }

  @Test
  void netSuitePrefersTheDetailOverTheGenericTitle() throws IOException {
    HostError error = extractor.extract(response(400), fixture("netsuite-invalid-value.json"));
    assertThat(error.message())
        .isEqualTo(
            "Invalid value for the resource or sub-resource field 'entity'. Provide a valid value.");
    assertThat(error.code()).isEqualTo("INVALID_VALUE");
  }

  @Test
  void oauthErrorGivesDescriptionAndCode() throws IOException {
    HostError error = extractor.extract(response(400), fixture("oauth-invalid-grant.json"));
    assertThat(error.message()).isEqualTo("Token invalid or revoked");
    assertThat(error.code()).isEqualTo("invalid_grant");
  }

  @Test
  void plainTextBodyIsKeptShortAndOnOneLine() {
    String html = "<html>\n<body>Service   Unavailable</body>\n</html>" + "x".repeat(500);
    HostError error = extractor.extract(response(503), html);
    assertThat(error.message()).startsWith("<html> <body>Service Unavailable</body> </html>");
    assertThat(error.message()).hasSizeLessThanOrEqualTo(301);
  }

  @Test
  void emptyBodySaysNothing() {
    assertThat(extractor.extract(response(500), "").message()).isNull();
  }

  private static Response response(int code) {
    return new Response.Builder()
        .request(new Request.Builder().url("https://host.example/x").build())
        .protocol(Protocol.HTTP_1_1)
        .code(code)
        .message("")
        .build();
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = JsonHostErrorExtractorTest.class.getResourceAsStream("errors/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
