package io.dunhub.salesforce.sandbox;

import com.sforce.soap.metadata.AsyncRequestState;
import com.sforce.soap.metadata.AsyncResult;
import com.sforce.soap.metadata.DeployDetails;
import com.sforce.soap.metadata.DeployMessage;
import com.sforce.soap.metadata.DeployProblemType;
import com.sforce.soap.metadata.DeployResult;
import com.sforce.soap.metadata.DeployStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.w3c.dom.Element;

/**
 * The metadata SOAP endpoint ({@code /services/Soap/m/NN.0}): {@code deploy} of a zip in metadata
 * API format and {@code checkDeployStatus}. Custom objects and fields in the zip become real
 * sandbox objects and fields (describable, queryable, writable); permission sets and layouts are
 * accepted and reported. A deploy with a bad component fails as a whole and changes nothing.
 */
final class MetadataEndpoint {
  record Reply(int status, String body) {}

  private final SandboxOrg org;
  private final SandboxAuth auth;
  private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1);
  private final List<String> deployedComponents = new java.util.concurrent.CopyOnWriteArrayList<>();

  private static final class Deployment {
    final byte[] zip;
    int checks;
    DeployResult result;

    Deployment(byte[] zip) {
      this.zip = zip;
    }
  }

  MetadataEndpoint(SandboxOrg org, SandboxAuth auth) {
    this.org = org;
    this.auth = auth;
  }

  /** {@code Type:FullName} of every component deployed so far. */
  List<String> deployedComponents() {
    return List.copyOf(deployedComponents);
  }

  Reply handle(String xml) {
    try {
      SoapRequest request = SoapRequest.parse(xml);
      if (auth.session(request.headerValue("SessionHeader", "sessionId")).isEmpty()) {
        throw SandboxException.fault(
            "sf:UnexpectedErrorFault",
            "INVALID_SESSION_ID",
            "Invalid Session ID found in SessionHeader: Illegal Session");
      }
      return switch (request.name()) {
        case "deploy" -> deploy(request);
        case "checkDeployStatus" -> check(request.text("asyncProcessId"));
        default ->
            throw SandboxException.fault(
                "sf:UnexpectedErrorFault",
                "INVALID_OPERATION",
                "the sandbox does not implement " + request.name());
      };
    } catch (SandboxException e) {
      return new Reply(
          500, SoapWriter.fault(e).replace(SoapWriter.FAULT_NS, SoapWriter.METADATA_NS));
    } catch (IllegalArgumentException e) {
      return new Reply(
          500,
          SoapWriter.fault(
                  SandboxException.fault(
                      "sf:UnexpectedErrorFault", "INVALID_OPERATION", e.getMessage()))
              .replace(SoapWriter.FAULT_NS, SoapWriter.METADATA_NS));
    }
  }

  private Reply deploy(SoapRequest request) {
    byte[] zip = Base64.getMimeDecoder().decode(request.text("ZipFile"));
    String id = SalesforceIds.id("0Af", "5g", ids.getAndIncrement());
    deployments.put(id, new Deployment(zip));
    AsyncResult result = new AsyncResult();
    result.setDone(false);
    result.setId(id);
    result.setState(AsyncRequestState.Queued);
    return new Reply(
        200,
        SoapWriter.metadata(
            "<deployResponse>"
                + SoapWriter.bean(SoapWriter.METADATA_NS, "result", result)
                + "</deployResponse>"));
  }

  private Reply check(String id) {
    Deployment d = deployments.get(id);
    if (d == null) {
      throw SandboxException.fault(
          "sf:UnexpectedErrorFault", "INVALID_ID_FIELD", "invalid deploy id: " + id);
    }
    DeployResult result;
    synchronized (d) {
      d.checks++;
      if (d.checks == 1) {
        result = base(id, DeployStatus.InProgress, false);
      } else {
        if (d.result == null) {
          d.result = apply(id, d.zip);
        }
        result = d.result;
      }
    }
    return new Reply(
        200,
        SoapWriter.metadata(
            "<checkDeployStatusResponse>"
                + SoapWriter.bean(SoapWriter.METADATA_NS, "result", result)
                + "</checkDeployStatusResponse>"));
  }

  private DeployResult base(String id, DeployStatus status, boolean done) {
    DeployResult r = new DeployResult();
    r.setId(id);
    r.setStatus(status);
    r.setDone(done);
    r.setCreatedBy(org.defaultUserId());
    r.setCreatedByName("Dunhub Integration");
    Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    now.setTimeInMillis(org.clock().millis());
    r.setCreatedDate(now);
    r.setStartDate(now);
    r.setLastModifiedDate(now);
    r.setRollbackOnError(true);
    r.setDetails(new DeployDetails());
    return r;
  }

  private DeployResult apply(String id, byte[] zip) {
    Map<String, String> files = unzip(zip);
    List<DeployMessage> successes = new ArrayList<>();
    List<DeployMessage> failures = new ArrayList<>();
    List<Runnable> changes = new ArrayList<>();
    Map<String, ObjectDef> planned = new LinkedHashMap<>();
    if (!files.containsKey("package.xml")) {
      failures.add(message("", "package.xml", "package.xml", false, "No package.xml found"));
    }
    for (String path : files.keySet()) {
      if (path.startsWith("objects/") && path.endsWith(".object")) {
        String name = path.substring("objects/".length(), path.length() - ".object".length());
        if (name.endsWith("__c") && org.object(name).isEmpty()) {
          String label = MetadataXml.text(MetadataXml.parse(files.get(path)), "label");
          planned.put(
              name, new ObjectDef(name, label == null ? name : label, nextPrefix(planned), true));
        }
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      String path = file.getKey();
      if (path.startsWith("objects/") && path.endsWith(".object")) {
        String name = path.substring("objects/".length(), path.length() - ".object".length());
        planObject(name, path, file.getValue(), planned, changes, successes, failures);
      } else if (path.startsWith("permissionsets/")) {
        successes.add(message("PermissionSet", stem(path), path, true, null));
      } else if (path.startsWith("layouts/")) {
        successes.add(message("Layout", stem(path), path, true, null));
      } else if (path.startsWith("flexipages/")) {
        successes.add(message("FlexiPage", stem(path), path, true, null));
      } else if (!path.equals("package.xml")) {
        failures.add(message("", stem(path), path, false, "Unknown file type in package: " + path));
      }
    }
    boolean ok = failures.isEmpty();
    if (ok) {
      synchronized (org) {
        changes.forEach(Runnable::run);
      }
      successes.add(0, message("", "package.xml", "package.xml", true, null));
      for (DeployMessage m : successes) {
        deployedComponents.add(m.getComponentType() + ":" + m.getFullName());
      }
    }
    DeployResult r = base(id, ok ? DeployStatus.Succeeded : DeployStatus.Failed, true);
    r.setSuccess(ok);
    r.setCompletedDate(r.getLastModifiedDate());
    r.setNumberComponentsTotal(successes.size() + failures.size());
    r.setNumberComponentsDeployed(ok ? successes.size() : 0);
    r.setNumberComponentErrors(failures.size());
    DeployDetails details = new DeployDetails();
    details.setComponentSuccesses(
        ok ? successes.toArray(new DeployMessage[0]) : new DeployMessage[0]);
    details.setComponentFailures(failures.toArray(new DeployMessage[0]));
    r.setDetails(details);
    if (!ok) {
      r.setErrorMessage(failures.get(0).getProblem());
    }
    return r;
  }

  private void planObject(
      String name,
      String path,
      String xml,
      Map<String, ObjectDef> planned,
      List<Runnable> changes,
      List<DeployMessage> successes,
      List<DeployMessage> failures) {
    Element root = MetadataXml.parse(xml);
    String target = name.equals("Activity") ? "Task" : name;
    ObjectDef existing = org.object(target).orElse(null);
    ObjectDef object = existing;
    if (existing == null) {
      if (!planned.containsKey(name)) {
        failures.add(
            message("CustomObject", name, path, false, "Not a custom object name: " + name));
        return;
      }
      object = planned.get(name);
      Element nameField = SoapRequest.child(root, "nameField");
      boolean auto = nameField != null && "AutoNumber".equals(MetadataXml.text(nameField, "type"));
      FieldDef nameDef = FieldDef.of("Name", "string");
      object.add(
          auto
              ? new FieldDef(
                  "Name", "Name", "string", 80, false, false, true, false, false, List.of(), null,
                  false)
              : nameDef);
      if (auto) {
        object.autoNumber(MetadataXml.text(nameField, "displayFormat"));
      }
      object.add(FieldDef.reference("OwnerId", "User", "Owner"));
      ObjectDef created = object;
      changes.add(() -> org.define(created));
      successes.add(message("CustomObject", name, path, true, null));
    } else if (name.endsWith("__c")) {
      successes.add(changed(message("CustomObject", name, path, false, null)));
    }
    for (Element f : MetadataXml.all(root, "fields")) {
      String fullName = MetadataXml.text(f, "fullName");
      String type = MetadataXml.text(f, "type");
      String qualified = name + "." + fullName;
      try {
        FieldDef def = MetadataXml.field(f, planned, org);
        boolean isNew = object.field(fullName).isEmpty();
        ObjectDef into = object;
        changes.add(() -> into.add(def));
        DeployMessage m = message("CustomField", qualified, path, isNew, null);
        successes.add(isNew ? m : changed(m));
      } catch (IllegalArgumentException e) {
        failures.add(
            message(
                "CustomField", qualified, path, false, e.getMessage() + " (type " + type + ")"));
      }
    }
  }

  private String nextPrefix(Map<String, ObjectDef> planned) {
    String base = org.nextKeyPrefix();
    char c = base.charAt(2);
    return base.substring(0, 2) + (char) (c + planned.size());
  }

  private static DeployMessage changed(DeployMessage m) {
    m.setChanged(true);
    return m;
  }

  private DeployMessage message(
      String type, String fullName, String file, boolean created, String problem) {
    DeployMessage m = new DeployMessage();
    m.setComponentType(type);
    m.setFullName(fullName);
    m.setFileName("unpackaged/" + file);
    m.setCreated(created);
    m.setSuccess(problem == null);
    Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    now.setTimeInMillis(org.clock().millis());
    m.setCreatedDate(now);
    if (problem != null) {
      m.setProblem(problem);
      m.setProblemType(DeployProblemType.Error);
    }
    return m;
  }

  private static String stem(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    int dot = file.indexOf('.');
    return dot < 0 ? file : file.substring(0, dot);
  }

  private static Map<String, String> unzip(byte[] zip) {
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (!e.isDirectory()) {
          String name = e.getName();
          if (name.startsWith("unpackaged/")) {
            name = name.substring("unpackaged/".length());
          }
          files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("the deploy zip cannot be read: " + e.getMessage());
    }
    return files;
  }
}
