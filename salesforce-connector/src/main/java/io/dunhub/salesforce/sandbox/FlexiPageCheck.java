package io.dunhub.salesforce.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import org.w3c.dom.Element;

/**
 * Checks a Lightning page ({@code FlexiPage}) the way a deploy does: the required fields, the
 * template and its regions, one component or field per item, identifiers unique on the page, facets
 * that exist and are used, fields of the page's object, and related lists that are child
 * relationships of it. Components are limited to the standard ones Dunhub's page uses and their
 * close relatives.
 */
final class FlexiPageCheck {
  private static final Set<String> TYPES = Set.of("RecordPage", "AppPage", "HomePage");
  private static final Set<String> RECORD_REGIONS = Set.of("header", "main", "sidebar");
  private static final Set<String> COMPONENTS =
      Set.of(
          "force:highlightsPanel",
          "force:detailPanel",
          "force:relatedListContainer",
          "force:relatedListSingleContainer",
          "force:relatedListQuickLinksContainer",
          "lst:dynamicRelatedList",
          "flexipage:fieldSection",
          "flexipage:column",
          "flexipage:tab",
          "flexipage:tabset",
          "flexipage:richText",
          "runtime_sales_activities:activityPanel",
          "forceChatter:recordFeedContainer");

  /** Component properties whose value names a facet region. */
  private static final Set<String> FACET_PROPERTIES = Set.of("body", "columns", "tabs");

  private final Predicate<String> objectExists;
  private final BiPredicate<String, String> fieldExists;
  private final Function<String, Set<String>> childRelationships;

  /**
   * @param objectExists whether the org (or the deploy) has the object
   * @param fieldExists whether the object (in the org or the deploy) has the field
   * @param childRelationships the child relationship names of an object
   */
  FlexiPageCheck(
      Predicate<String> objectExists,
      BiPredicate<String, String> fieldExists,
      Function<String, Set<String>> childRelationships) {
    this.objectExists = objectExists;
    this.fieldExists = fieldExists;
    this.childRelationships = childRelationships;
  }

  /** Every problem with the page; empty when it deploys. */
  List<String> problems(Element page) {
    List<String> problems = new ArrayList<>();
    if (!"FlexiPage".equals(page.getLocalName())) {
      problems.add("Expected a FlexiPage, found " + page.getLocalName());
      return problems;
    }
    if (blank(MetadataXml.text(page, "masterLabel"))) {
      problems.add("Required field is missing: masterLabel");
    }
    String type = MetadataXml.text(page, "type");
    if (type == null || !TYPES.contains(type)) {
      problems.add("Invalid value for type: " + type + " (expected one of " + TYPES + ")");
    }
    Element template = SoapRequest.child(page, "template");
    String templateName = template == null ? null : MetadataXml.text(template, "name");
    boolean recordPage = "RecordPage".equals(type);
    String object = MetadataXml.text(page, "sobjectType");
    if (blank(templateName)) {
      problems.add("Required field is missing: template");
    } else if (recordPage && !templateName.startsWith("flexipage:recordHome")) {
      problems.add("The template " + templateName + " can't be used on a record page");
    }
    if (recordPage) {
      if (blank(object)) {
        problems.add("A record page needs an sobjectType");
        return problems;
      }
      if (!objectExists.test(object)) {
        problems.add("Invalid sobjectType: " + object);
        return problems;
      }
    }
    Map<String, String> regions = new HashMap<>();
    for (Element region : MetadataXml.all(page, "flexiPageRegions")) {
      String name = MetadataXml.text(region, "name");
      String regionType = MetadataXml.text(region, "type");
      if (blank(name)) {
        problems.add("A flexiPageRegion has no name");
        continue;
      }
      if (regions.put(name, regionType) != null) {
        problems.add("Duplicate region name: " + name);
      }
      if (!"Region".equals(regionType) && !"Facet".equals(regionType)) {
        problems.add("Region " + name + " has an invalid type: " + regionType);
      } else if (recordPage
          && "Region".equals(regionType)
          && templateName != null
          && templateName.equals("flexipage:recordHomeTemplateDesktop")
          && !RECORD_REGIONS.contains(name)) {
        problems.add("The template " + templateName + " has no region named " + name);
      }
    }
    Set<String> identifiers = new HashSet<>();
    Set<String> usedFacets = new HashSet<>();
    for (Element region : MetadataXml.all(page, "flexiPageRegions")) {
      String regionName = MetadataXml.text(region, "name");
      boolean facet = "Facet".equals(MetadataXml.text(region, "type"));
      for (Element item : MetadataXml.all(region, "itemInstances")) {
        Element component = SoapRequest.child(item, "componentInstance");
        Element field = SoapRequest.child(item, "fieldInstance");
        if ((component == null) == (field == null)) {
          problems.add(
              "Region "
                  + regionName
                  + ": each itemInstances holds one componentInstance or one"
                  + " fieldInstance");
          continue;
        }
        Element instance = component != null ? component : field;
        String identifier = MetadataXml.text(instance, "identifier");
        if (blank(identifier)) {
          problems.add("Region " + regionName + ": an item has no identifier");
        } else if (!identifiers.add(identifier)) {
          problems.add("Duplicate component identifier on the page: " + identifier);
        }
        if (component != null) {
          checkComponent(component, regionName, object, regions, usedFacets, problems);
        } else {
          checkField(field, regionName, facet, object, problems);
        }
      }
    }
    for (Map.Entry<String, String> r : regions.entrySet()) {
      if ("Facet".equals(r.getValue()) && !usedFacets.contains(r.getKey())) {
        problems.add("The facet " + r.getKey() + " isn't used by any component");
      }
    }
    return problems;
  }

  private void checkComponent(
      Element component,
      String region,
      String object,
      Map<String, String> regions,
      Set<String> usedFacets,
      List<String> problems) {
    String name = MetadataXml.text(component, "componentName");
    if (name == null || !COMPONENTS.contains(name)) {
      problems.add("Region " + region + ": unknown component " + name);
      return;
    }
    for (Element p : MetadataXml.all(component, "componentInstanceProperties")) {
      String property = MetadataXml.text(p, "name");
      String value = MetadataXml.text(p, "value");
      if (FACET_PROPERTIES.contains(property)) {
        if (!"Facet".equals(regions.get(value))) {
          problems.add(
              name + " in region " + region + ": " + property + " names no facet: " + value);
        } else {
          usedFacets.add(value);
        }
      } else if (property != null && property.equals("relatedListApiName")) {
        if (object == null || !childRelationships.apply(object).contains(value)) {
          problems.add(
              name + " in region " + region + ": " + value + " isn't a related list of " + object);
        }
      } else if (property != null && property.equals("parentFieldApiName")) {
        if (object == null || !(object + ".Id").equalsIgnoreCase(value)) {
          problems.add(
              name + " in region " + region + ": parentFieldApiName must be " + object + ".Id");
        }
      }
    }
  }

  private void checkField(
      Element field, String region, boolean facet, String object, List<String> problems) {
    String item = MetadataXml.text(field, "fieldItem");
    if (!facet) {
      problems.add("Region " + region + ": fields can only be placed in a facet");
    }
    if (item == null || !item.startsWith("Record.")) {
      problems.add("Region " + region + ": fieldItem must be Record.<field>, not " + item);
      return;
    }
    String fieldName = item.substring("Record.".length());
    if (object == null || !fieldExists.test(object, fieldName)) {
      problems.add("Region " + region + ": " + object + " has no field " + fieldName);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
