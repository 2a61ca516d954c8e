package io.dunhub.salesforce.sandbox;

import com.sforce.ws.bind.TypeMapper;
import com.sforce.ws.bind.XMLizable;
import com.sforce.ws.parser.XmlOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.namespace.QName;

/**
 * Writes SOAP envelopes the way the partner and metadata endpoints do. Shapes follow published
 * Salesforce responses: a {@code LimitInfoHeader} in the header, {@code <result>} elements in the
 * operation's response element, records as {@code xsi:type="sf:sObject"} with the Id repeated (once
 * as the sObject's id, once as the selected field), nil values as {@code xsi:nil}, and faults with
 * HTTP 500 and a typed {@code <detail>}.
 */
final class SoapWriter {
  static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
  static final String PARTNER_NS = "urn:partner.soap.sforce.com";
  static final String SOBJECT_NS = "urn:sobject.partner.soap.sforce.com";
  static final String FAULT_NS = "urn:fault.partner.soap.sforce.com";
  static final String METADATA_NS = "http://soap.sforce.com/2006/04/metadata";

  private SoapWriter() {}

  /** A partner-API envelope with a {@code LimitInfoHeader} around {@code body}. */
  static String partner(long used, long limit, String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<soapenv:Envelope xmlns:soapenv=\""
        + SOAP_NS
        + "\" xmlns=\""
        + PARTNER_NS
        + "\" xmlns:xsi=\""
        + XSI_NS
        + "\" xmlns:sf=\""
        + SOBJECT_NS
        + "\"><soapenv:Header><LimitInfoHeader><limitInfo><current>"
        + used
        + "</current><limit>"
        + limit
        + "</limit><type>API REQUESTS</type></limitInfo></LimitInfoHeader></soapenv:Header>"
        + "<soapenv:Body>"
        + body
        + "</soapenv:Body></soapenv:Envelope>";
  }

  /** A metadata-API envelope (the metadata API sends no limit header). */
  static String metadata(String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<soapenv:Envelope xmlns:soapenv=\""
        + SOAP_NS
        + "\" xmlns=\""
        + METADATA_NS
        + "\" xmlns:xsi=\""
        + XSI_NS
        + "\"><soapenv:Body>"
        + body
        + "</soapenv:Body></soapenv:Envelope>";
  }

  /** A SOAP fault as Salesforce sends it (to be served with HTTP 500). */
  static String fault(SandboxException e) {
    String type = e.faultType().substring(e.faultType().indexOf(':') + 1);
    boolean queryFault =
        type.equals("MalformedQueryFault")
            || type.equals("InvalidFieldFault")
            || type.equals("InvalidSObjectFault");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<soapenv:Envelope xmlns:soapenv=\""
        + SOAP_NS
        + "\" xmlns:sf=\""
        + FAULT_NS
        + "\" xmlns:xsi=\""
        + XSI_NS
        + "\"><soapenv:Body><soapenv:Fault><faultcode>sf:"
        + e.code()
        + "</faultcode><faultstring>"
        + esc(e.code() + ": " + e.getMessage())
        + "</faultstring><detail><sf:"
        + type
        + " xsi:type=\"sf:"
        + type
        + "\"><sf:exceptionCode>"
        + e.code()
        + "</sf:exceptionCode><sf:exceptionMessage>"
        + esc(e.getMessage())
        + "</sf:exceptionMessage>"
        + (queryFault ? "<sf:row>-1</sf:row><sf:column>-1</sf:column>" : "")
        + "</sf:"
        + type
        + "></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>";
  }

  /** A {@code QueryResult}. */
  static String queryResult(
      String operation, List<QueryEngine.ResultRow> rows, boolean done, String locator, int size) {
    StringBuilder b = new StringBuilder();
    b.append('<')
        .append(operation)
        .append("Response><result xsi:type=\"QueryResult\"><done>")
        .append(done)
        .append("</done>");
    if (locator == null) {
      b.append("<queryLocator xsi:nil=\"true\"/>");
    } else {
      b.append("<queryLocator>").append(locator).append("</queryLocator>");
    }
    for (QueryEngine.ResultRow row : rows) {
      b.append("<records xsi:type=\"sf:sObject\">");
      sObjectBody(b, row);
      b.append("</records>");
    }
    b.append("<size>")
        .append(size)
        .append("</size></result></")
        .append(operation)
        .append("Response>");
    return b.toString();
  }

  /** The children of an sObject element: type, Id, then the fields. */
  static void sObjectBody(StringBuilder b, QueryEngine.ResultRow row) {
    b.append("<sf:type>").append(row.type()).append("</sf:type>");
    if (row.id() == null) {
      b.append("<sf:Id xsi:nil=\"true\"/>");
    } else {
      b.append("<sf:Id>").append(row.id()).append("</sf:Id>");
    }
    for (QueryEngine.Cell cell : row.cells()) {
      if (cell.relationship()) {
        if (cell.nested() == null) {
          b.append("<sf:").append(cell.name()).append(" xsi:nil=\"true\"/>");
        } else {
          b.append("<sf:").append(cell.name()).append(" xsi:type=\"sf:sObject\">");
          sObjectBody(b, cell.nested());
          b.append("</sf:").append(cell.name()).append('>');
        }
      } else if (cell.value() == null) {
        b.append("<sf:").append(cell.name()).append(" xsi:nil=\"true\"/>");
      } else {
        b.append("<sf:")
            .append(cell.name())
            .append('>')
            .append(esc(cell.value()))
            .append("</sf:")
            .append(cell.name())
            .append('>');
      }
    }
  }

  /** One {@code <errors>} element of a save, upsert or delete result. */
  static String error(SandboxException e) {
    StringBuilder b = new StringBuilder("<errors>");
    for (String f : e.fields()) {
      b.append("<fields>").append(esc(f)).append("</fields>");
    }
    return b.append("<message>")
        .append(esc(e.getMessage()))
        .append("</message><statusCode>")
        .append(e.code())
        .append("</statusCode></errors>")
        .toString();
  }

  /** Serializes a WSC bean (describe and metadata results) exactly in its WSDL order. */
  static String bean(String namespace, String element, XMLizable bean) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      XmlOutputStream out = new XmlOutputStream(bytes, false);
      out.setPrefix("", namespace);
      out.setPrefix("xsi", XSI_NS);
      out.setPrefix("xsd", "http://www.w3.org/2001/XMLSchema");
      out.setPrefix("sf", SOBJECT_NS);
      bean.write(new QName(namespace, element), out, new TypeMapper());
      out.close();
      String xml = bytes.toString(StandardCharsets.UTF_8);
      return xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
