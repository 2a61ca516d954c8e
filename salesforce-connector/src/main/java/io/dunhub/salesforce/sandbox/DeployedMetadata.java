package io.dunhub.salesforce.sandbox;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the org's metadata holds, as the metadata API compares a deploy with it: each deployed
 * component's definition (so a deploy of the same definition reports the component neither created
 * nor changed, as Salesforce does), and the child relationships custom lookups added to an object
 * (the names a Lightning page's related lists use).
 */
final class DeployedMetadata {
  /** What a deploy does to one component. */
  enum Change {
    CREATED,
    CHANGED,
    UNCHANGED
  }

  private static final Map<String, Set<String>> STANDARD_CHILDREN =
      Map.of(
          "account",
          Set.of(
              "Contacts",
              "Opportunities",
              "Cases",
              "Tasks",
              "Events",
              "OpenActivities",
              "ActivityHistories",
              "Histories",
              "Notes",
              "NotesAndAttachments",
              "CombinedAttachments",
              "AttachedContentDocuments"),
          "contact",
          Set.of(
              "Tasks",
              "Events",
              "OpenActivities",
              "ActivityHistories",
              "Histories",
              "CombinedAttachments",
              "AttachedContentDocuments"));

  private final Map<String, String> definitions = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> children = new ConcurrentHashMap<>();

  /**
   * What deploying {@code definition} as {@code type:fullName} does.
   *
   * @param existsInOrg whether the org has the component although no deploy made it (a field of a
   *     seeded object): deploying it counts as a change
   */
  Change compare(String type, String fullName, String definition, boolean existsInOrg) {
    String before = definitions.get(key(type, fullName));
    if (before == null) {
      return existsInOrg ? Change.CHANGED : Change.CREATED;
    }
    return before.equals(definition) ? Change.UNCHANGED : Change.CHANGED;
  }

  void record(String type, String fullName, String definition) {
    definitions.put(key(type, fullName), definition);
  }

  Optional<String> definition(String type, String fullName) {
    return Optional.ofNullable(definitions.get(key(type, fullName)));
  }

  /** Records that a lookup on another object gives {@code parent} the child relationship. */
  void childRelationship(String parent, String relationshipName) {
    children
        .computeIfAbsent(parent.toLowerCase(Locale.ROOT), k -> ConcurrentHashMap.newKeySet())
        .add(relationshipName);
  }

  /** The child relationships of {@code parent}: the standard ones and those deploys added. */
  Set<String> childRelationships(String parent) {
    Set<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    all.addAll(STANDARD_CHILDREN.getOrDefault(parent.toLowerCase(Locale.ROOT), Set.of()));
    all.addAll(children.getOrDefault(parent.toLowerCase(Locale.ROOT), Set.of()));
    return all;
  }

  private static String key(String type, String fullName) {
    return type + ":" + fullName.toLowerCase(Locale.ROOT);
  }
}
