package io.dunhub.salesforce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The sandbox's envelopes have the shape of Salesforce's own (fixtures next to this test, shaped
 * after published samples): the same elements, namespaces, order, {@code xsi:type}s and nils.
 */
class SoapEnvelopeShapeTest {
  private final SandboxOrg org =
      new SandboxOrg(Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC));
  private final SandboxAuth auth = new SandboxAuth(org.clock());
  private final ApiCounter counter = new ApiCounter();
  private final PartnerEndpoint endpoint =
      new PartnerEndpoint(org, auth, counter, "https://acme.my.salesforce.com");

  @Test
  void queryResponseHasSalesforcesShape() throws Exception {
    String account = org.insert("Account", Map.of("Name", "Globex Labs"), null);
    org.insert("Contact", Map.of("LastName", "Okafor", "AccountId", account), null);
    String session = auth.open(org.orgId(), org.defaultUserId());

    PartnerEndpoint.Reply reply =
        endpoint.handle(
            request(
                session,
                "<query><queryString>SELECT Id, LastName, MobilePhone, Account.Name FROM"
                    + " Contact</queryString></query>"),
            "65.0");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(shape(reply.body())).isEqualTo(shape(fixture("partner-query-response.xml")));
  }

  @Test
  void invalidSessionFaultHasSalesforcesShapeAndStatus() throws Exception {
    PartnerEndpoint.Reply reply =
        endpoint.handle(
            request(
                "00Dexpired!AQ",
                "<query><queryString>SELECT Id FROM Account</queryString></query>"),
            "65.0");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(shape(reply.body())).isEqualTo(shape(fixture("partner-fault-invalid-session.xml")));
    assertThat(reply.body())
        .contains("<faultstring>INVALID_SESSION_ID: Invalid Session ID found in SessionHeader");
  }

  @Test
  void createErrorHasSalesforcesShape() throws Exception {
    String session = auth.open(org.orgId(), org.defaultUserId());
    PartnerEndpoint.Reply reply =
        endpoint.handle(
            request(
                session,
                "<create><sObjects><type xmlns=\"urn:sobject.partner.soap.sforce.com\">Contact</type>"
                    + "<FirstName>Ana</FirstName></sObjects></create>"),
            "65.0");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(shape(reply.body())).isEqualTo(shape(fixture("partner-create-error.xml")));
  }

  private static String request(String session, String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><env:Envelope"
        + " xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns=\"urn:partner.soap.sforce.com\"><env:Header><SessionHeader><sessionId>"
        + session
        + "</sessionId></SessionHeader></env:Header><env:Body>"
        + body
        + "</env:Body></env:Envelope>";
  }

  /** Every element as depth, namespace, name, xsi:type and nil, in document order. */
  private static List<String> shape(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Element root =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
            .getDocumentElement();
    List<String> out = new ArrayList<>();
    walk(root, 0, out);
    return out;
  }

  private static void walk(Element e, int depth, List<String> out) {
    String type = e.getAttributeNS(SoapWriter.XSI_NS, "type");
    String nil = e.getAttributeNS(SoapWriter.XSI_NS, "nil");
    out.add(
        "  ".repeat(depth)
            + "{"
            + e.getNamespaceURI()
            + "}"
            + e.getLocalName()
            + (type.isEmpty() ? "" : " type=" + type)
            + (nil.isEmpty() ? "" : " nil"));
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        walk(child, depth + 1, out);
      }
    }
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = SoapEnvelopeShapeTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
