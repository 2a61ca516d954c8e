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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.w3c.dom.Element;

/**
 * The metadata SOAP endpoint ({@code /services/Soap/m/NN.0}): {@code deploy} of a zip in metadata
 * API format and {@code checkDeployStatus}. Custom objects and fields in the zip become real
 * sandbox objects and fields (describable, queryable, writable); Lightning pages are checked
 * against the page's object ({@link FlexiPageCheck}); permission sets and layouts are accepted.
 * Each component is reported created, changed, or neither when the org already has the same
 * definition. A deploy with a bad component fails as a whole and changes nothing; a check-only
 * deploy ({@code DeployOptions.checkOnly}) reports the same and changes nothing either.
 */
final class MetadataEndpoint {
  record Reply(int status, String body) {}

  private final SandboxOrg org;
  private final SandboxAuth auth;
  private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1);
  private final List<String> deployedComponents = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final DeployedMetadata deployed = new DeployedMetadata();

  private static final class Deployment {
    final byte[] zip;
    final boolean checkOnly;
    int checks;
    DeployResult result;

    Deployment(byte[] zip, boolean checkOnly) {
      this.zip = zip;
      this.checkOnly = checkOnly;
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
    Element options = request.elements("DeployOptions").stream().findFirst().orElse(null);
    boolean checkOnly = options != null && "true".equals(MetadataXml.text(options, "checkOnly"));
    deployments.put(id, new Deployment(zip, checkOnly));
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
          d.result = apply(id, d);
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

  private DeployResult apply(String id, Deployment d) {
    Map<String, String> files = unzip(d.zip);
    Plan plan = new Plan();
    if (!files.containsKey("package.xml")) {
      plan.failures.add(message("", "package.xml", "package.xml", null, "No package.xml found"));
    }
    for (String path : files.keySet()) {
      if (path.startsWith("objects/") && path.endsWith(".object")) {
        String name = objectName(path);
        Element root = MetadataXml.parse(files.get(path));
        plan.objectFiles.put(name, root);
        if (name.endsWith("__c") && org.object(name).isEmpty()) {
          String label = MetadataXml.text(root, "label");
          plan.newObjects.put(
              name,
              new ObjectDef(name, label == null ? name : label, nextPrefix(plan.newObjects), true));
        }
      }
    }
    plan.objectFiles.forEach((name, root) -> planObject(name, root, plan));
    for (Map.Entry<String, String> file : files.entrySet()) {
      String path = file.getKey();
      if (path.startsWith("objects/") || path.equals("package.xml")) {
        continue;
      }
      String type =
          path.startsWith("permissionsets/")
              ? "PermissionSet"
              : path.startsWith("layouts/")
                  ? "Layout"
                  : path.startsWith("flexipages/") ? "FlexiPage" : null;
      if (type == null) {
        plan.failures.add(
            message("", stem(path), path, null, "Unknown file type in package: " + path));
        continue;
      }
      Element root;
      try {
        root = MetadataXml.parse(file.getValue());
      } catch (IllegalArgumentException e) {
        plan.failures.add(message(type, stem(path), path, null, e.getMessage()));
        continue;
      }
      if (type.equals("FlexiPage")) {
        List<String> problems = flexiPageCheck(plan).problems(root);
        if (!problems.isEmpty()) {
          plan.failures.add(message(type, stem(path), path, null, String.join("; ", problems)));
          continue;
        }
      }
      component(plan, type, stem(path), path, MetadataXml.canonical(root, Set.of()), false);
    }
    boolean ok = plan.failures.isEmpty();
    if (ok && !d.checkOnly) {
      synchronized (org) {
        plan.changes.forEach(Runnable::run);
      }
      plan.definitions.forEach(def -> deployed.record(def[0], def[1], def[2]));
      plan.children.forEach(rel -> deployed.childRelationship(rel[0], rel[1]));
      plan.successes.add(0, message("", "package.xml", "package.xml", null, null));
      for (DeployMessage m : plan.successes) {
        deployedComponents.add(m.getComponentType() + ":" + m.getFullName());
      }
    } else if (ok) {
      plan.successes.add(0, message("", "package.xml", "package.xml", null, null));
    }
    DeployResult r = base(id, ok ? DeployStatus.Succeeded : DeployStatus.Failed, true);
    r.setCheckOnly(d.checkOnly);
    r.setSuccess(ok);
    r.setCompletedDate(r.getLastModifiedDate());
    r.setNumberComponentsTotal(plan.successes.size() + plan.failures.size());
    r.setNumberComponentsDeployed(ok ? plan.successes.size() : 0);
    r.setNumberComponentErrors(plan.failures.size());
    DeployDetails details = new DeployDetails();
    details.setComponentSuccesses(
        ok ? plan.successes.toArray(new DeployMessage[0]) : new DeployMessage[0]);
    details.setComponentFailures(plan.failures.toArray(new DeployMessage[0]));
    r.setDetails(details);
    if (!ok) {
      r.setErrorMessage(plan.failures.get(0).getProblem());
    }
    return r;
  }

  /** What one deploy would do, built before anything is applied. */
  private static final class Plan {
    final Map<String, Element> objectFiles = new LinkedHashMap<>();
    final Map<String, ObjectDef> newObjects = new LinkedHashMap<>();
    final Map<String, Set<String>> newFields = new HashMap<>();
    final List<String[]> children = new ArrayList<>();
    final List<String[]> definitions = new ArrayList<>();
    final List<Runnable> changes = new ArrayList<>();
    final List<DeployMessage> successes = new ArrayList<>();
    final List<DeployMessage> failures = new ArrayList<>();
  }

  private FlexiPageCheck flexiPageCheck(Plan plan) {
    return new FlexiPageCheck(
        object -> org.object(object).isPresent() || plan.newObjects.containsKey(object),
        (object, field) ->
            org.object(object).flatMap(o -> o.field(field)).isPresent()
                || plan.newFields
                    .getOrDefault(object.toLowerCase(Locale.ROOT), Set.of())
                    .contains(field.toLowerCase(Locale.ROOT))
                || (plan.newObjects.containsKey(object)
                    && (field.equals("Name") || field.equals("OwnerId"))),
        object -> {
          Set<String> all = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
          all.addAll(deployed.childRelationships(object));
          for (String[] rel : plan.children) {
            if (rel[0].equalsIgnoreCase(object)) {
              all.add(rel[1]);
            }
          }
          return all;
        });
  }

  /** Reports one component and remembers its definition for the next deploy. */
  private void component(
      Plan plan, String type, String fullName, String path, String definition, boolean inOrg) {
    DeployedMetadata.Change change = deployed.compare(type, fullName, definition, inOrg);
    plan.definitions.add(new String[] {type, fullName, definition});
    plan.successes.add(message(type, fullName, path, change, null));
  }

  private void planObject(String name, Element root, Plan plan) {
    String path = "objects/" + name + ".object";
    String target = name.equals("Activity") ? "Task" : name;
    ObjectDef existing = org.object(target).orElse(null);
    ObjectDef object = existing;
    if (existing == null) {
      if (!plan.newObjects.containsKey(name)) {
        plan.failures.add(
            message("CustomObject", name, path, null, "Not a custom object name: " + name));
        return;
      }
      object = plan.newObjects.get(name);
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
      plan.changes.add(() -> org.define(created));
    }
    if (name.endsWith("__c")) {
      component(
          plan,
          "CustomObject",
          name,
          path,
          MetadataXml.canonical(root, Set.of("fields")),
          existing != null && deployed.definition("CustomObject", name).isEmpty());
    }
    Map<String, ObjectDef> planned = plan.newObjects;
    for (Element f : MetadataXml.all(root, "fields")) {
      String fullName = MetadataXml.text(f, "fullName");
      String type = MetadataXml.text(f, "type");
      String qualified = name + "." + fullName;
      try {
        FieldDef def = MetadataXml.field(f, planned, org);
        FieldDef current = object.field(fullName).orElse(null);
        if (current != null && !current.type().equals(def.type()) && hasValues(target, fullName)) {
          plan.failures.add(
              message(
                  "CustomField",
                  qualified,
                  path,
                  null,
                  "Cannot change the type of "
                      + qualified
                      + " from "
                      + current.type()
                      + " to "
                      + def.type()
                      + ": records have values in it"));
          continue;
        }
        ObjectDef into = object;
        plan.changes.add(() -> org.addField(into, def));
        plan.newFields
            .computeIfAbsent(target.toLowerCase(Locale.ROOT), k -> new HashSet<>())
            .add(fullName.toLowerCase(Locale.ROOT));
        String relationship = MetadataXml.text(f, "relationshipName");
        String parent = MetadataXml.text(f, "referenceTo");
        if (relationship != null && parent != null) {
          plan.children.add(new String[] {parent, relationship + "__r"});
        }
        component(
            plan,
            "CustomField",
            qualified,
            path,
            MetadataXml.canonical(f, Set.of()),
            object.field(fullName).isPresent());
      } catch (IllegalArgumentException e) {
        plan.failures.add(
            message("CustomField", qualified, path, null, e.getMessage() + " (type " + type + ")"));
      }
    }
  }

  private boolean hasValues(String object, String field) {
    return org.records(object).stream()
        .anyMatch(
            r ->
                r.entrySet().stream()
                    .anyMatch(e -> e.getKey().equalsIgnoreCase(field) && e.getValue() != null));
  }

  private static String objectName(String path) {
    return path.substring("objects/".length(), path.length() - ".object".length());
  }

  private String nextPrefix(Map<String, ObjectDef> planned) {
    String base = org.nextKeyPrefix();
    char c = base.charAt(2);
    return base.substring(0, 2) + (char) (c + planned.size());
  }

  private DeployMessage message(
      String type, String fullName, String file, DeployedMetadata.Change change, String problem) {
    DeployMessage m = new DeployMessage();
    m.setComponentType(type);
    m.setFullName(fullName);
    m.setFileName("unpackaged/" + file);
    m.setCreated(change == DeployedMetadata.Change.CREATED);
    m.setChanged(change == DeployedMetadata.Change.CHANGED);
    m.setDeleted(false);
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
