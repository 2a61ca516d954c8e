package io.dunhub.salesforce.sandbox;

import com.sforce.soap.metadata.DeployMessage;
import com.sforce.soap.metadata.DeployProblemType;
import java.util.ArrayList;
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
import org.w3c.dom.Element;

/**
 * Works out what one deploy does before anything is applied, as the metadata API does: the custom
 * objects and fields it makes or changes (and the changes to apply when it succeeds), Lightning
 * pages checked against the org and the deploy, every component reported created, changed or
 * neither ({@link DeployedMetadata}), and every component the org refuses with the reason.
 */
final class DeployPlanner {
  private final SandboxOrg org;
  private final DeployedMetadata deployed;

  DeployPlanner(SandboxOrg org, DeployedMetadata deployed) {
    this.org = org;
    this.deployed = deployed;
  }

  /** The plan for a package's files, keyed by path inside the zip. */
  Plan plan(Map<String, String> files) {
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
    return plan;
  }

  /** What one deploy would do, built before anything is applied. */
  static final class Plan {
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

  DeployMessage message(
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
}
