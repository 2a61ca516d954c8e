package io.dunhub.salesforce.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Dunhub's Salesforce metadata, shipped in SFDX source format (under {@code sfdx/} on the class
 * path), converted to a metadata-API zip the way {@code sf project convert source} does: each
 * object's {@code .object-meta.xml} and {@code fields/*.field-meta.xml} become one {@code
 * objects/X.object}, other files lose their {@code -meta.xml} suffix, and a {@code package.xml}
 * lists every component.
 */
public final class MetadataPackage {
  static final String NS = "http://soap.sforce.com/2006/04/metadata";
  private static final String ROOT = "/io/dunhub/salesforce/sfdx/";
  private static final String SOURCE = "force-app/main/default/";

  private final Map<String, String> sourceFiles;
  private final String apiVersion;

  private MetadataPackage(Map<String, String> sourceFiles, String apiVersion) {
    this.sourceFiles = sourceFiles;
    this.apiVersion = apiVersion;
  }

  /** The metadata shipped with this connector. */
  public static MetadataPackage bundled(String apiVersion) {
    Map<String, String> files = new TreeMap<>();
    for (String path : read("index.txt").split("\n")) {
      if (!path.isBlank() && path.startsWith(SOURCE)) {
        files.put(path.substring(SOURCE.length()), read(path.trim()));
      }
    }
    return new MetadataPackage(files, apiVersion);
  }

  /** The source files, keyed by path under {@code force-app/main/default/}. */
  public Map<String, String> sourceFiles() {
    return Map.copyOf(sourceFiles);
  }

  /** {@code Type:Member} of every component the package deploys, as package.xml lists them. */
  public List<String> components() {
    List<String> out = new ArrayList<>();
    members().forEach((type, names) -> names.forEach(n -> out.add(type + ":" + n)));
    return out;
  }

  /** The metadata-API files, keyed by path inside the zip. */
  public Map<String, String> metadataFiles() {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, List<String>> fieldsByObject = new TreeMap<>();
    Map<String, String> objectFiles = new TreeMap<>();
    for (Map.Entry<String, String> e : sourceFiles.entrySet()) {
      String path = e.getKey();
      if (path.startsWith("objects/")) {
        String[] parts = path.split("/");
        String object = parts[1];
        if (parts.length == 4 && parts[2].equals("fields")) {
          fieldsByObject.computeIfAbsent(object, k -> new ArrayList<>()).add(e.getValue());
        } else if (parts.length == 3 && parts[2].endsWith(".object-meta.xml")) {
          objectFiles.put(object, e.getValue());
        }
      } else {
        out.put(path.replace("-meta.xml", ""), e.getValue());
      }
    }
    TreeSet<String> objects = new TreeSet<>(fieldsByObject.keySet());
    objects.addAll(objectFiles.keySet());
    for (String object : objects) {
      out.put(
          "objects/" + object + ".object",
          mergeObject(objectFiles.get(object), fieldsByObject.getOrDefault(object, List.of())));
    }
    out.put("package.xml", packageXml());
    return out;
  }

  /** The zip to hand to {@code deploy}. */
  public byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> e : metadataFiles().entrySet()) {
        zip.putNextEntry(new ZipEntry("unpackaged/" + e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private Map<String, List<String>> members() {
    Map<String, List<String>> types = new TreeMap<>();
    for (String path : sourceFiles.keySet()) {
      String[] parts = path.split("/");
      if (parts[0].equals("objects") && parts.length == 4) {
        String object = parts[1];
        String field = parts[3].replace(".field-meta.xml", "");
        types.computeIfAbsent("CustomField", k -> new ArrayList<>()).add(object + "." + field);
      } else if (parts[0].equals("objects") && parts.length == 3) {
        types.computeIfAbsent("CustomObject", k -> new ArrayList<>()).add(parts[1]);
      } else if (parts[0].equals("permissionsets")) {
        types
            .computeIfAbsent("PermissionSet", k -> new ArrayList<>())
            .add(parts[1].replace(".permissionset-meta.xml", ""));
      } else if (parts[0].equals("layouts")) {
        types
            .computeIfAbsent("Layout", k -> new ArrayList<>())
            .add(parts[1].replace(".layout-meta.xml", ""));
      } else if (parts[0].equals("flexipages")) {
        types
            .computeIfAbsent("FlexiPage", k -> new ArrayList<>())
            .add(parts[1].replace(".flexipage-meta.xml", ""));
      }
    }
    return types;
  }

  private String packageXml() {
    StringBuilder b =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Package xmlns=\"")
            .append(NS)
            .append("\">\n");
    members()
        .forEach(
            (type, names) -> {
              b.append("    <types>\n");
              names.stream()
                  .sorted()
                  .forEach(n -> b.append("        <members>").append(n).append("</members>\n"));
              b.append("        <name>").append(type).append("</name>\n    </types>\n");
            });
    return b.append("    <version>")
        .append(apiVersion)
        .append("</version>\n</Package>\n")
        .toString();
  }

  private static String mergeObject(String objectXml, List<String> fieldXmls) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc;
      if (objectXml == null) {
        doc = f.newDocumentBuilder().newDocument();
        doc.appendChild(doc.createElementNS(NS, "CustomObject"));
      } else {
        doc = f.newDocumentBuilder().parse(stream(objectXml));
      }
      Element root = doc.getDocumentElement();
      for (String fieldXml : fieldXmls) {
        Element field = f.newDocumentBuilder().parse(stream(fieldXml)).getDocumentElement();
        Element fields = doc.createElementNS(NS, "fields");
        for (Node n = field.getFirstChild(); n != null; n = n.getNextSibling()) {
          fields.appendChild(doc.importNode(n, true));
        }
        root.appendChild(fields);
      }
      var transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(doc), new StreamResult(out));
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException("the bundled Salesforce metadata is not valid XML", e);
    }
  }

  private static InputStream stream(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static String read(String path) {
    try (InputStream in = MetadataPackage.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled metadata file " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
