package io.dunhub.salesforce.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** A parsed SOAP request: the session header, query options and the operation element. */
final class SoapRequest {
  final Element header;
  final Element operation;

  private SoapRequest(Element header, Element operation) {
    this.header = header;
    this.operation = operation;
  }

  static SoapRequest parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc =
          f.newDocumentBuilder()
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      Element envelope = doc.getDocumentElement();
      Element header = child(envelope, "Header");
      Element body = child(envelope, "Body");
      if (body == null || children(body).isEmpty()) {
        throw new IllegalArgumentException("no SOAP body");
      }
      return new SoapRequest(header, children(body).get(0));
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException("not a SOAP envelope: " + e.getMessage(), e);
    }
  }

  String name() {
    return operation.getLocalName();
  }

  /** The text of a header value, e.g. {@code SessionHeader/sessionId}. */
  String headerValue(String element, String field) {
    Element h = header == null ? null : child(header, element);
    Element v = h == null ? null : child(h, field);
    return v == null ? null : v.getTextContent().trim();
  }

  String text(String field) {
    Element e = child(operation, field);
    return e == null ? null : e.getTextContent();
  }

  List<String> texts(String field) {
    List<String> out = new ArrayList<>();
    for (Element e : children(operation)) {
      if (e.getLocalName().equals(field)) {
        out.add(e.getTextContent());
      }
    }
    return out;
  }

  List<Element> elements(String field) {
    List<Element> out = new ArrayList<>();
    for (Element e : children(operation)) {
      if (e.getLocalName().equals(field)) {
        out.add(e);
      }
    }
    return out;
  }

  static Element child(Element parent, String localName) {
    for (Element e : children(parent)) {
      if (e.getLocalName().equals(localName)) {
        return e;
      }
    }
    return null;
  }

  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  static boolean isNil(Element e) {
    return "true".equals(e.getAttributeNS(SoapWriter.XSI_NS, "nil"));
  }
}
