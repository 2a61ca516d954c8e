package io.dunhub.salesforce.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/** Reads metadata-API XML ({@code CustomObject} files) into sandbox field definitions. */
final class MetadataXml {
  private MetadataXml() {}

  static Element parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
          .getDocumentElement();
    } catch (Exception e) {
      throw new IllegalArgumentException("not well-formed metadata XML: " + e.getMessage());
    }
  }

  /**
   * The element as compact XML without the child elements named in {@code skip}: what a deploy
   * compares to tell a changed component from an unchanged one.
   */
  static String canonical(Element element, java.util.Set<String> skip) {
    try {
      Element copy = (Element) element.cloneNode(true);
      for (Element child : SoapRequest.children(copy)) {
        if (skip.contains(child.getLocalName())) {
          copy.removeChild(child);
        }
      }
      javax.xml.transform.Transformer t =
          javax.xml.transform.TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
      java.io.StringWriter out = new java.io.StringWriter();
      t.transform(
          new javax.xml.transform.dom.DOMSource(copy),
          new javax.xml.transform.stream.StreamResult(out));
      return out.toString().replaceAll(">\\s+<", "><").trim();
    } catch (javax.xml.transform.TransformerException e) {
      throw new IllegalArgumentException("cannot read metadata XML: " + e.getMessage());
    }
  }

  static String text(Element parent, String name) {
    Element e = SoapRequest.child(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }

  static List<Element> all(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Element e : SoapRequest.children(parent)) {
      if (e.getLocalName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  /** A {@code <fields>} element as a field definition; unknown types are refused. */
  static FieldDef field(Element f, Map<String, ObjectDef> planned, SandboxOrg org) {
    String fullName = text(f, "fullName");
    if (fullName == null || !fullName.endsWith("__c")) {
      throw new IllegalArgumentException("Custom field names must end with __c: " + fullName);
    }
    String mdType = text(f, "type");
    String label = text(f, "label");
    boolean externalId = "true".equals(text(f, "externalId"));
    boolean unique = "true".equals(text(f, "unique"));
    boolean required = "true".equals(text(f, "required"));
    int length = parseInt(text(f, "length"), 0);
    String type;
    switch (mdType == null ? "" : mdType) {
      case "Text" -> {
        type = "string";
        if (length < 1 || length > 255) {
          throw new IllegalArgumentException("Text fields need a length from 1 to 255");
        }
      }
      case "TextArea" -> {
        type = "textarea";
        length = 255;
      }
      case "LongTextArea", "Html" -> {
        type = "textarea";
        if (length < 256 || length > 131072) {
          throw new IllegalArgumentException("Long text areas need a length from 256 to 131072");
        }
      }
      case "Number" -> type = "double";
      case "Currency" -> type = "currency";
      case "Percent" -> type = "percent";
      case "Date" -> type = "date";
      case "DateTime" -> type = "datetime";
      case "Checkbox" -> type = "boolean";
      case "Picklist" -> type = "picklist";
      case "Email" -> type = "email";
      case "Phone" -> type = "phone";
      case "Url" -> type = "url";
      case "Lookup", "MasterDetail" -> type = "reference";
      default -> throw new IllegalArgumentException("Unknown type name '" + mdType + "'");
    }
    if ((externalId || unique) && !List.of("string", "double", "email").contains(type)) {
      throw new IllegalArgumentException("Only text, number and email fields can be external ids");
    }
    if (type.equals("reference")) {
      String target = text(f, "referenceTo");
      boolean known =
          target != null && (planned.containsKey(target) || org.object(target).isPresent());
      if (!known) {
        throw new IllegalArgumentException(
            "referenceTo value of '" + target + "' does not resolve to a valid sObject type");
      }
      String rel = fullName.substring(0, fullName.length() - 3) + "__r";
      boolean master = mdType.equals("MasterDetail");
      return new FieldDef(
          fullName,
          label,
          "reference",
          18,
          false,
          false,
          !(required || master),
          true,
          true,
          List.of(target),
          rel,
          true);
    }
    if (type.equals("string") || type.equals("textarea")) {
      return new FieldDef(
          fullName,
          label,
          type,
          length,
          externalId,
          unique,
          !required,
          true,
          true,
          List.of(),
          null,
          true);
    }
    return new FieldDef(
        fullName,
        label,
        type,
        0,
        externalId,
        unique,
        !required && !type.equals("boolean"),
        true,
        true,
        List.of(),
        null,
        true);
  }

  private static int parseInt(String s, int dflt) {
    try {
      return s == null ? dflt : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return dflt;
    }
  }
}
