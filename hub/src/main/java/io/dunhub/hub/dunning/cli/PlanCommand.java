package io.dunhub.hub.dunning.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.dunning.CasePlan;
import io.dunhub.hub.dunning.DunningAction;
import io.dunhub.hub.dunning.Evaluation;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dunhub dunning plan --at <date-time> [--party P] [--format json]}: what the sweep would do
 * at that moment and why (policy, step, the guard that delays it), without doing it.
 */
@Command(
    name = "plan",
    description = "Show what dunning would do at a moment, and why.",
    mixinStandardHelpOptions = true)
public final class PlanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--at",
      required = true,
      description = "ISO date-time, e.g. 2026-04-20T12:00:00Z (UTC if no offset)")
  String at;

  @Option(names = "--party", description = "only this party (canonical id)")
  String party;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  String format;

  private final Supplier<DunningRuntime> runtime;

  public PlanCommand(Supplier<DunningRuntime> runtime) {
    this.runtime = runtime;
  }

  static Instant parseInstant(String text) {
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      try {
        return java.time.OffsetDateTime.parse(text).toInstant();
      } catch (RuntimeException e2) {
        try {
          return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e3) {
          return java.time.LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
      }
    }
  }

  @Override
  public Integer call() throws Exception {
    Instant when = parseInstant(at);
    List<Evaluation> plans = runtime.get().sweep().plan(when, party);
    PrintWriter out = spec.commandLine().getOut();
    if ("json".equals(format)) {
      out.println(
          CanonicalReader.mapper()
              .copy()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(
                  plans.stream()
                      .map(
                          e ->
                              java.util.Map.of(
                                  "actions",
                                  e.actions().stream().map(PlanCommand::describe).toList(),
                                  "cases",
                                  e.plans()))
                      .toList()));
    } else {
      out.printf(
          "%-12s %-24s %-16s %-16s %-22s %s%n",
          "invoice", "case", "policy", "next step", "next evaluation", "why");
      for (Evaluation e : plans) {
        for (CasePlan p : e.plans()) {
          out.printf(
              "%-12s %-24s %-16s %-16s %-22s %s%n",
              p.invoiceNumber(),
              abbreviate(p.caseId()),
              p.policyId(),
              p.stepId() == null ? "-" : p.stepId(),
              p.nextEvaluation() == null ? "-" : p.nextEvaluation(),
              p.status());
        }
        for (DunningAction a : e.actions()) {
          out.println("  would " + describe(a));
        }
      }
    }
    out.flush();
    return 0;
  }

  static String describe(DunningAction a) {
    if (a instanceof DunningAction.Notice n) {
      return (n.thankYou() ? "thank" : "notify")
          + " "
          + n.address()
          + " by "
          + n.channel()
          + " with "
          + n.template()
          + " (tone "
          + n.tone()
          + ") about "
          + n.caseIds().size()
          + " case(s), steps "
          + n.stepIds();
    }
    if (a instanceof DunningAction.LateFee f) {
      return "charge " + f.amount() + " on case " + f.caseId() + ": " + f.description();
    }
    if (a instanceof DunningAction.HumanTask t) {
      return "create a task for " + t.assignee() + ": " + t.subject();
    }
    if (a instanceof DunningAction.HandOver h) {
      return "hand over " + h.caseIds() + " to " + h.assignee();
    }
    if (a instanceof DunningAction.PromiseBroken p) {
      return "mark the promise of "
          + p.promised()
          + " on case "
          + p.caseId()
          + " broken and escalate";
    }
    DunningAction.StepSkipped s = (DunningAction.StepSkipped) a;
    return "skip step " + s.stepId() + " of case " + s.caseId() + ": " + s.reason();
  }

  private static String abbreviate(String id) {
    return id.length() > 24 ? id.substring(0, 23) + "…" : id;
  }
}
