package io.dunhub.hub.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code dunhub demo}: for now, says what the demo will do. The demo itself (the hub on the
 * embedded store with every connector's sandbox, seeded) arrives with the sandboxes.
 */
@Command(
    name = "demo",
    description = "Watch a dunning cycle on every host's sandbox (for now: says what it will do).")
public final class DemoCommand implements Callable<Integer> {

  static final String PLAN =
      """
      dunhub demo is not built yet. When it is, it will:
        1. start the hub on the embedded store in a temporary directory (no setup, no credentials);
        2. start a sandbox of Salesforce, QuickBooks Online and NetSuite, seeded with customers,
           contacts, invoices (some overdue) and payments;
        3. connect one connection to each sandbox and sync them;
        4. run the default dunning policy on a fast clock: reminders before the due date, notices
           after it, a late fee, a hand-over to a person;
        5. send the notices to a local mail server and an SMS sink you can look at in the console;
        6. write every notice, activity and payment back into each sandbox's own records;
        7. print where the web console is, so you can watch each step happen.
      Until then, try 'dunhub config validate', 'dunhub mappings validate' and 'dunhub run' with
      examples/dunhub-dev.yml (the in-memory connector's hosts live inside one process, so a sync
      from the command line has nothing to read until the sandboxes arrive).""";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println(PLAN);
    out.flush();
    return ExitCodes.OK;
  }
}
