package io.dunhub.hub.salesforce;

import io.dunhub.core.connector.Connection;
import io.dunhub.hub.cli.DunhubCommand;
import io.dunhub.hub.cli.ExitCodes;
import io.dunhub.hub.config.ConnectionConfig;
import io.dunhub.hub.runtime.ConfigConnectionRegistry;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.salesforce.InstallReport;
import io.dunhub.salesforce.SalesforceConnection;
import io.dunhub.salesforce.SalesforceConnector;
import io.dunhub.salesforce.SalesforceInstaller;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dunhub salesforce ...}: setting up a Salesforce org for Dunhub. The work is the
 * connector's ({@link SalesforceInstaller}); this command finds the configured connection, runs it
 * and reports.
 */
@Command(
    name = "salesforce",
    description = "Set up a Salesforce org for Dunhub (see: salesforce install).",
    subcommands = {SalesforceCommand.Install.class})
public final class SalesforceCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }

  /** {@code dunhub salesforce install --connection NAME [--check-only]}. */
  @Command(
      name = "install",
      description = {
        "Deploy Dunhub's Salesforce metadata into the org of a salesforce connection through the"
            + " Metadata API: the Dunning_Notice__c, Dunhub_Invoice__c and Dunhub_Payment__c"
            + " objects, the dunning fields on Account, key fields on Task and ContentVersion, the"
            + " Dunhub_Integration permission set, layouts and the 'Account (Dunhub)' Lightning"
            + " record page. Prints what was created and changed; running it again changes"
            + " nothing. Exits 1 when the deployment fails (nothing is changed then)."
      })
  public static final class Install implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = "--connection",
        required = true,
        paramLabel = "NAME",
        description = "The salesforce connection of the config file whose org to install into.")
    String connection;

    @Option(
        names = "--check-only",
        description =
            "Validate against the org without changing it (a check-only deployment): shows what"
                + " an install would create and change, and what would fail.")
    boolean checkOnly;

    @Override
    public Integer call() {
      DunhubCommand root = DunhubCommand.from(spec);
      PrintWriter out = root.out();
      try (Hub hub = root.openHub()) {
        ConnectionConfig config =
            hub.config()
                .connection(connection)
                .orElseThrow(
                    () ->
                        new ParameterException(
                            spec.commandLine(),
                            "no connection named '"
                                + connection
                                + "' in "
                                + hub.config().file()
                                + "; configured: "
                                + hub.config().connections().stream()
                                    .map(ConnectionConfig::name)
                                    .toList()));
        if (!SalesforceConnector.ID.equals(config.type())) {
          throw new ParameterException(
              spec.commandLine(),
              "connection '"
                  + connection
                  + "' is of type '"
                  + config.type()
                  + "'; 'salesforce install' needs a connection of type 'salesforce'");
        }
        hub.startStore();
        Connection opened = hub.get(ConfigConnectionRegistry.class).connection(connection);
        SalesforceInstaller installer = new SalesforceInstaller(hub.get(Clock.class));
        out.println(
            (checkOnly ? "Checking" : "Installing")
                + " Dunhub's Salesforce metadata in the org of connection '"
                + connection
                + "' ...");
        out.flush();
        SalesforceConnection salesforce = (SalesforceConnection) opened;
        InstallReport report =
            checkOnly ? installer.check(salesforce) : installer.install(salesforce);
        out.println(report.summary());
        if (report.success() && !checkOnly) {
          out.println(
              "Next: assign the permission set 'Dunhub Integration' to the integration user and"
                  + " to finance users, then open an Account and activate the 'Account (Dunhub)'"
                  + " Lightning page (Edit Page → Activation) to see its Dunning section.");
        } else if (!report.success()) {
          out.println(
              "Fix the problems above (each names its component and file) and run the command"
                  + " again; see docs/salesforce.md.");
        }
        out.flush();
        return report.success() ? ExitCodes.OK : ExitCodes.FAILED;
      }
    }
  }
}
