package io.dunhub.salesforce;

import java.util.List;

/**
 * What {@link SalesforceInstaller#install} did to the org, from the metadata API's deploy result.
 *
 * @param deployId the deployment's id (Setup → Deployment Status shows it too)
 * @param success whether the deployment succeeded (it is all or nothing)
 * @param components every component with what happened to it
 */
public record InstallReport(String deployId, boolean success, List<Component> components) {
  public InstallReport {
    components = List.copyOf(components);
  }

  /** What happened to one component. */
  public enum Change {
    CREATED,
    CHANGED,
    UNCHANGED,
    FAILED
  }

  /**
   * One component.
   *
   * @param type the metadata type ({@code CustomObject}, {@code CustomField}, {@code
   *     PermissionSet}, {@code Layout})
   * @param fullName e.g. {@code Dunning_Notice__c.Channel__c}
   * @param problem why it failed, or null
   */
  public record Component(String type, String fullName, Change change, String problem) {}

  public List<Component> with(Change change) {
    return components.stream().filter(c -> c.change() == change).toList();
  }

  /** A few lines for a person: counts, then every failure. */
  public String summary() {
    StringBuilder b =
        new StringBuilder(success ? "Installed" : "Install FAILED (nothing was changed)")
            .append(" — deployment ")
            .append(deployId)
            .append(": ")
            .append(with(Change.CREATED).size())
            .append(" created, ")
            .append(with(Change.CHANGED).size())
            .append(" changed, ")
            .append(with(Change.UNCHANGED).size())
            .append(" unchanged, ")
            .append(with(Change.FAILED).size())
            .append(" failed");
    for (Component c : with(Change.FAILED)) {
      b.append("\n  ")
          .append(c.type())
          .append(' ')
          .append(c.fullName())
          .append(": ")
          .append(c.problem());
    }
    return b.toString();
  }
}
