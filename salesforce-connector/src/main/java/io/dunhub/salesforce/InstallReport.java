package io.dunhub.salesforce;

import java.util.List;

/**
 * What {@link SalesforceInstaller#install} did to the org, from the metadata API's deploy result.
 *
 * @param deployId the deployment's id (Setup → Deployment Status shows it too)
 * @param success whether the deployment succeeded (it is all or nothing)
 * @param checkOnly whether it was a check-only deployment, which changes nothing in the org
 * @param components every component with what happened to it
 */
public record InstallReport(
    String deployId, boolean success, boolean checkOnly, List<Component> components) {
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
   *     PermissionSet}, {@code Layout}, {@code FlexiPage})
   * @param fullName e.g. {@code Dunning_Notice__c.Channel__c}
   * @param file the file in the deployed package, e.g. {@code objects/Dunning_Notice__c.object}
   *     (with {@code :line:column} when Salesforce names them), or null
   * @param problem why it failed, or null
   */
  public record Component(
      String type, String fullName, Change change, String file, String problem) {}

  public List<Component> with(Change change) {
    return components.stream().filter(c -> c.change() == change).toList();
  }

  /** Whether the org already had everything: nothing created, changed or failed. */
  public boolean upToDate() {
    return success && components.stream().allMatch(c -> c.change() == Change.UNCHANGED);
  }

  /** A few lines for a person: counts, every component created or changed, then every failure. */
  public String summary() {
    String outcome;
    if (!success) {
      outcome = checkOnly ? "Check FAILED" : "Install FAILED (nothing was changed)";
    } else if (checkOnly) {
      outcome = "Check passed (check only: nothing was changed; these would be)";
    } else {
      outcome = upToDate() ? "Already installed, nothing to change" : "Installed";
    }
    StringBuilder b =
        new StringBuilder(outcome)
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
    for (Change change : List.of(Change.CREATED, Change.CHANGED)) {
      for (Component c : with(change)) {
        b.append("\n  ")
            .append(change == Change.CREATED ? "created " : "changed ")
            .append(c.type())
            .append(' ')
            .append(c.fullName());
      }
    }
    for (Component c : with(Change.FAILED)) {
      b.append("\n  FAILED ").append(c.type()).append(' ').append(c.fullName());
      if (c.file() != null) {
        b.append(" (").append(c.file()).append(')');
      }
      b.append(": ").append(c.problem());
    }
    return b.toString();
  }
}
