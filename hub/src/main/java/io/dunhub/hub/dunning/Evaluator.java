package io.dunhub.hub.dunning;

import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.hub.dunning.calendar.BusinessCalendar;
import io.dunhub.hub.dunning.fee.LateFeeCalculator;
import io.dunhub.hub.dunning.policy.ActionKind;
import io.dunhub.hub.dunning.policy.Policy;
import io.dunhub.hub.dunning.policy.PolicySet;
import io.dunhub.hub.dunning.policy.Step;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure heart of dunning: {@code (facts, policies, history, now) → actions + next evaluation}.
 * No I/O, no clock: the same inputs always give the same decision, which makes {@code dunhub
 * dunning plan} an exact preview of what the sweep will do.
 *
 * <p>Per case it picks (or keeps) the policy, honours closed, paused and escalated states, finds
 * the steps that are due, and lets only the latest due notice run (earlier ones are recorded as
 * superseded, so a late-synced invoice does not receive three reminders at once). Notices then pass
 * the party's guards: minimum balance, reachable recipients (opt-outs, consent), the local contact
 * window, and the rolling 7-day contact cap; notices of several invoices that are due together go
 * out as one per channel and recipient.
 */
public final class Evaluator {

  private final BusinessCalendar calendar;
  private final LateFeeCalculator fees;

  public Evaluator(BusinessCalendar calendar, LateFeeCalculator fees) {
    this.calendar = calendar;
    this.fees = fees;
  }

  public Evaluation evaluate(PartyFacts facts, PolicySet policies, History history, Instant now) {
    Party party = facts.party();
    List<DunningAction> actions = new ArrayList<>();
    Map<String, CasePlan> plans = new LinkedHashMap<>();
    if (party.excludedFromDunning()) {
      for (CaseFacts c : facts.cases()) {
        plans.put(
            c.caseId(), plan(c, null, null, "party excluded from dunning: never contacted", null));
      }
      return new Evaluation(actions, List.copyOf(plans.values()));
    }
    Map<Currency, Money> balances = balances(facts);
    List<Pending> notices = new ArrayList<>();
    List<Pending> thanks = new ArrayList<>();
    Map<String, Instant> nextStep = new HashMap<>();
    for (CaseFacts c : facts.cases()) {
      Invoice inv = c.invoice();
      Policy policy = policyFor(c, facts, policies, balances, now);
      CaseState st = c.state();
      if (inv.status() == InvoiceStatus.VOID) {
        plans.put(c.caseId(), plan(c, policy, null, "closed: invoice void", null));
        continue;
      }
      if (!inv.isOpen()) {
        boolean dunned = history.contacted(c.caseId(), id -> isContactStep(policy, id));
        if (policy.thankYouTemplate() != null
            && dunned
            && !history.has(c.caseId(), StepRecord.THANK_YOU)) {
          thanks.add(new Pending(c, policy, null));
          plans.put(c.caseId(), plan(c, policy, StepRecord.THANK_YOU, "paid: thank-you due", null));
        } else {
          plans.put(c.caseId(), plan(c, policy, null, "closed: paid", null));
        }
        continue;
      }
      if (st.handedOver()) {
        plans.put(
            c.caseId(), plan(c, policy, null, "handed over to collections: dunning stopped", null));
        continue;
      }
      if (st.disputed() || party.inDispute()) {
        plans.put(c.caseId(), plan(c, policy, null, "paused: dispute until resolved", null));
        continue;
      }
      LocalDate today = now.atZone(zone(party)).toLocalDate();
      if (st.holdReason() != null && (st.holdUntil() == null || today.isBefore(st.holdUntil()))) {
        Instant resume =
            st.holdUntil() == null
                ? null
                : window(policy, party, BusinessCalendar.startOf(st.holdUntil(), zone(party)));
        plans.put(
            c.caseId(),
            plan(
                c,
                policy,
                null,
                "paused: on hold ("
                    + st.holdReason()
                    + ")"
                    + (st.holdUntil() == null ? "" : " until " + st.holdUntil()),
                resume));
        continue;
      }
      boolean escalate = false;
      if (st.promisedDate() != null) {
        LocalDate graceEnd = st.promisedDate().plusDays(policy.promiseGrace().toDays() + 1);
        Instant broken = window(policy, party, BusinessCalendar.startOf(graceEnd, zone(party)));
        String key = StepRecord.promiseBroken(st.promisedDate());
        if (now.isBefore(broken)) {
          plans.put(
              c.caseId(),
              plan(
                  c,
                  policy,
                  null,
                  "paused: promise to pay by "
                      + st.promisedDate()
                      + " (grace "
                      + policy.promiseGrace().toDays()
                      + " days)",
                  broken));
          continue;
        }
        if (!history.has(c.caseId(), key)) {
          actions.add(new DunningAction.PromiseBroken(c.caseId(), st.promisedDate()));
          escalate = true;
        }
      }
      List<Step> remaining =
          policy.steps().stream().filter(s -> !history.has(c.caseId(), s.id())).toList();
      if (remaining.isEmpty()) {
        plans.put(c.caseId(), plan(c, policy, null, "schedule complete", null));
        continue;
      }
      List<Step> dueNow =
          remaining.stream().filter(s -> !dueAt(policy, party, inv, s).isAfter(now)).toList();
      List<Step> due = dueNow.isEmpty() && escalate ? List.of(remaining.get(0)) : dueNow;
      if (due.isEmpty()) {
        Step first = remaining.get(0);
        Instant at = dueAt(policy, party, inv, first);
        plans.put(
            c.caseId(),
            plan(
                c,
                policy,
                first.id(),
                "waiting: step "
                    + first.id()
                    + " ("
                    + first.action().name().toLowerCase(java.util.Locale.ROOT)
                    + ") at "
                    + at,
                at));
        continue;
      }
      Step lastContact = null;
      Step collections = null;
      for (Step s : due) {
        if (s.contactsCustomer()) {
          lastContact = s;
        }
        if (s.action() == ActionKind.COLLECTIONS) {
          collections = s;
        }
      }
      List<String> done = new ArrayList<>();
      for (Step s : due) {
        if (collections != null && s != collections && s.contactsCustomer()) {
          actions.add(
              new DunningAction.StepSkipped(
                  c.caseId(), s.id(), "superseded by hand-over " + collections.id()));
        } else if (s.contactsCustomer() && s != lastContact) {
          actions.add(
              new DunningAction.StepSkipped(
                  c.caseId(), s.id(), "superseded by later step " + lastContact.id()));
        } else if (s.contactsCustomer()) {
          notices.add(new Pending(c, policy, s));
          continue;
        } else if (s.action() == ActionKind.LATE_FEE) {
          LocalDate asOf = now.atZone(zone(party)).toLocalDate();
          fees.compute(s.fee(), inv.openBalance(), inv.dueDate(), asOf)
              .ifPresentOrElse(
                  f ->
                      actions.add(
                          new DunningAction.LateFee(
                              c.caseId(), s.id(), f.amount(), f.description())),
                  () ->
                      actions.add(
                          new DunningAction.StepSkipped(
                              c.caseId(), s.id(), "no fee for " + inv.openBalance().currency())));
        } else if (s.action() == ActionKind.TASK) {
          actions.add(
              new DunningAction.HumanTask(
                  List.of(c.caseId()),
                  s.id(),
                  assignee(facts, s),
                  "Follow up on overdue invoice " + inv.number() + " (" + inv.openBalance() + ")"));
        } else {
          actions.add(new DunningAction.HandOver(List.of(c.caseId()), s.id(), assignee(facts, s)));
        }
        done.add(s.id());
      }
      if (collections != null) {
        plans.put(
            c.caseId(), plan(c, policy, collections.id(), "handing over to collections", null));
        continue;
      }
      Step following = remaining.stream().filter(s -> !due.contains(s)).findFirst().orElse(null);
      Instant next = following == null ? null : dueAt(policy, party, inv, following);
      nextStep.put(c.caseId(), next);
      String status = done.isEmpty() ? "" : "ran " + String.join(", ", done);
      plans.put(
          c.caseId(),
          plan(
              c,
              policy,
              following == null ? null : following.id(),
              status.isEmpty() ? "waiting" : status,
              next));
    }
    new NoticeGuard(calendar, facts, history, now).apply(notices, thanks, actions, plans, nextStep);
    return new Evaluation(actions, List.copyOf(plans.values()));
  }

  /** A case with a due notice step (or a thank-you when the step is null). */
  record Pending(CaseFacts c, Policy policy, Step step) {}

  static CasePlan plan(CaseFacts c, Policy policy, String stepId, String status, Instant next) {
    return new CasePlan(
        c.caseId(),
        c.invoice().number(),
        policy == null ? null : policy.id(),
        stepId,
        status,
        next);
  }

  /** When a step becomes due: the opening of the contact window on its date. */
  Instant dueAt(Policy policy, Party party, Invoice inv, Step step) {
    LocalDate date = calendar.stepDate(inv.dueDate(), step.at(), policy.days(), party.country());
    return window(policy, party, BusinessCalendar.startOf(date, zone(party)));
  }

  private Instant window(Policy policy, Party party, Instant earliest) {
    return calendar.nextWindow(earliest, zone(party), party.country(), policy.guards());
  }

  static ZoneId zone(Party party) {
    return party.timeZone();
  }

  private static boolean isContactStep(Policy policy, String stepId) {
    return policy.step(stepId).map(Step::contactsCustomer).orElse(false);
  }

  private static String assignee(PartyFacts facts, Step s) {
    if ("owner".equals(s.assignee())) {
      return facts.owner() == null ? "owner" : facts.owner();
    }
    return s.assignee();
  }

  private static Policy policyFor(
      CaseFacts c,
      PartyFacts facts,
      PolicySet policies,
      Map<Currency, Money> balances,
      Instant now) {
    if (c.state().policyId() != null) {
      var pinned = policies.byId(c.state().policyId());
      if (pinned.isPresent()) {
        return pinned.get();
      }
    }
    Currency currency = c.invoice().openBalance().currency();
    Money balance = balances.getOrDefault(currency, Money.zero(currency));
    return PolicySelector.select(
        policies, facts.party(), c.invoice(), balance, facts.behaviour(), now);
  }

  private static Map<Currency, Money> balances(PartyFacts facts) {
    Map<Currency, Money> result = new HashMap<>();
    for (CaseFacts c : facts.cases()) {
      if (c.invoice().isOpen()) {
        result.merge(c.invoice().openBalance().currency(), c.invoice().openBalance(), Money::plus);
      }
    }
    return result;
  }

  static boolean belowMinimum(Policy policy, Invoice inv) {
    BigDecimal min = policy.guards().minimumBalance().get(inv.openBalance().currency());
    return min != null && inv.openBalance().amount().compareTo(min) < 0;
  }

  static final Comparator<Pending> BY_DUE =
      Comparator.comparing((Pending p) -> p.c().invoice().dueDate())
          .thenComparing(p -> p.c().caseId());

  static boolean isChannel(Channel c) {
    return c != Channel.TASK;
  }
}
