package io.dunhub.hub.dunning;

import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Party;
import io.dunhub.hub.dunning.Evaluator.Pending;
import io.dunhub.hub.dunning.calendar.BusinessCalendar;
import io.dunhub.hub.dunning.policy.ActionKind;
import io.dunhub.hub.dunning.policy.Guards;
import io.dunhub.hub.dunning.policy.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lets due notices of one party pass its guards, in this order: minimum balance, a reachable
 * recipient per channel (opt-outs, consent, addresses), the local contact window, and the rolling
 * 7-day contact cap; then merges notices for the same channel and recipient into one. The guards in
 * force are those of the policy of the party's earliest-due invoice among the due ones.
 */
final class NoticeGuard {

  private final BusinessCalendar calendar;
  private final PartyFacts facts;
  private final History history;
  private final Instant now;

  NoticeGuard(BusinessCalendar calendar, PartyFacts facts, History history, Instant now) {
    this.calendar = calendar;
    this.facts = facts;
    this.history = history;
    this.now = now;
  }

  private record Message(Pending pending, Channel channel, RecipientPicker.Recipient to) {}

  void apply(
      List<Pending> notices,
      List<Pending> thanks,
      List<DunningAction> actions,
      Map<String, CasePlan> plans,
      Map<String, Instant> nextStep) {
    Party party = facts.party();
    List<Pending> sorted = new ArrayList<>(notices);
    sorted.sort(Evaluator.BY_DUE);
    Map<String, List<Message>> groups = new LinkedHashMap<>();
    Guards guards = null;
    for (Pending p : sorted) {
      String caseId = p.c().caseId();
      if (Evaluator.belowMinimum(p.policy(), p.c().invoice())) {
        skip(
            actions,
            plans,
            nextStep,
            p,
            "open balance " + p.c().invoice().openBalance() + " is below the minimum for a notice");
        continue;
      }
      List<Message> messages = new ArrayList<>();
      for (Channel channel : p.step().channels()) {
        RecipientPicker.pick(party, facts.contacts(), channel)
            .ifPresent(to -> messages.add(new Message(p, channel, to)));
      }
      if (messages.isEmpty()) {
        skip(
            actions,
            plans,
            nextStep,
            p,
            "no reachable recipient on "
                + names(p.step().channels())
                + " (opted out, no consent or no address)");
        continue;
      }
      if (guards == null) {
        guards = p.policy().guards();
      }
      for (Message m : messages) {
        String key =
            m.channel()
                + "|"
                + m.to().address()
                + (p.policy().guards().consolidate() ? "" : "|" + caseId);
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
      }
    }
    if (!groups.isEmpty()) {
      Optional<String> delay = delay(guards, groups.size());
      if (delay.isPresent()) {
        Instant until = delayedUntil(guards, groups.size());
        for (List<Message> group : groups.values()) {
          for (Message m : group) {
            String caseId = m.pending().c().caseId();
            plans.put(
                caseId,
                Evaluator.plan(
                    m.pending().c(),
                    m.pending().policy(),
                    m.pending().step().id(),
                    "step "
                        + m.pending().step().id()
                        + " delayed by "
                        + delay.get()
                        + " until "
                        + until,
                    until));
          }
        }
      } else {
        for (List<Message> group : groups.values()) {
          actions.add(notice(group));
          for (Message m : group) {
            CaseFacts c = m.pending().c();
            CasePlan old = plans.get(c.caseId());
            String sent =
                "sent step "
                    + m.pending().step().id()
                    + " by "
                    + m.channel().name().toLowerCase(Locale.ROOT)
                    + " to "
                    + m.to().address()
                    + (group.size() > 1 ? " (one notice for " + group.size() + " invoices)" : "");
            String status =
                old != null && old.status().startsWith("sent") ? old.status() + "; " + sent : sent;
            Instant next = nextStep.get(c.caseId());
            plans.put(
                c.caseId(),
                Evaluator.plan(
                    c, m.pending().policy(), old == null ? null : old.stepId(), status, next));
          }
        }
      }
    }
    thankYous(thanks, actions, plans);
  }

  private void thankYous(
      List<Pending> thanks, List<DunningAction> actions, Map<String, CasePlan> plans) {
    if (thanks.isEmpty()) {
      return;
    }
    Party party = facts.party();
    Policy policy = thanks.get(0).policy();
    Optional<RecipientPicker.Recipient> to =
        RecipientPicker.pick(party, facts.contacts(), Channel.EMAIL);
    if (to.isEmpty()) {
      for (Pending p : thanks) {
        actions.add(
            new DunningAction.StepSkipped(
                p.c().caseId(), StepRecord.THANK_YOU, "no reachable email recipient"));
        plans.put(
            p.c().caseId(),
            Evaluator.plan(
                p.c(), p.policy(), null, "closed: paid (no email for a thank-you)", null));
      }
      return;
    }
    if (!calendar.inWindow(now, party.timeZone(), party.country(), policy.guards())) {
      Instant until = calendar.nextWindow(now, party.timeZone(), party.country(), policy.guards());
      for (Pending p : thanks) {
        plans.put(
            p.c().caseId(),
            Evaluator.plan(
                p.c(),
                p.policy(),
                StepRecord.THANK_YOU,
                "paid: thank-you delayed by contact window until " + until,
                until));
      }
      return;
    }
    List<String> cases = thanks.stream().map(p -> p.c().caseId()).toList();
    List<String> steps = thanks.stream().map(p -> StepRecord.THANK_YOU).toList();
    actions.add(
        new DunningAction.Notice(
            cases,
            steps,
            policy.id(),
            Channel.EMAIL,
            to.get().contactId(),
            to.get().address(),
            to.get().name(),
            policy.thankYouTemplate(),
            1,
            false,
            true));
    for (Pending p : thanks) {
      plans.put(
          p.c().caseId(),
          Evaluator.plan(
              p.c(),
              p.policy(),
              StepRecord.THANK_YOU,
              "paid: thank-you sent to " + to.get().address(),
              null));
    }
  }

  /** Why the party cannot be contacted now, if it cannot. */
  private Optional<String> delay(Guards guards, int messages) {
    Party party = facts.party();
    if (!calendar.inWindow(now, party.timeZone(), party.country(), guards)) {
      return Optional.of(
          "contact window ("
              + guards.windowStart()
              + "–"
              + guards.windowEnd()
              + " "
              + party.timeZone()
              + (guards.businessDaysOnly() ? ", business days" : "")
              + ")");
    }
    List<Instant> recent = recentContacts();
    if (recent.size() + messages > guards.maxContactsPer7Days()) {
      return Optional.of(
          "contact cap ("
              + recent.size()
              + " of "
              + guards.maxContactsPer7Days()
              + " in the last 7 days)");
    }
    return Optional.empty();
  }

  private Instant delayedUntil(Guards guards, int messages) {
    Party party = facts.party();
    Instant earliest = now;
    List<Instant> recent = recentContacts();
    int excess = recent.size() + messages - guards.maxContactsPer7Days();
    if (excess > 0 && !recent.isEmpty()) {
      earliest = recent.get(Math.min(excess, recent.size()) - 1).plus(Duration.ofDays(7));
    }
    return calendar.nextWindow(earliest, party.timeZone(), party.country(), guards);
  }

  private List<Instant> recentContacts() {
    Instant from = now.minus(Duration.ofDays(7));
    return history.contacts().stream()
        .filter(t -> t.isAfter(from) && !t.isAfter(now))
        .sorted()
        .toList();
  }

  private static DunningAction.Notice notice(List<Message> group) {
    Message lead = group.get(0);
    Message loudest = lead;
    boolean isFinal = false;
    List<String> cases = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    for (Message m : group) {
      cases.add(m.pending().c().caseId());
      steps.add(m.pending().step().id());
      if (m.pending().step().tone() > loudest.pending().step().tone()) {
        loudest = m;
      }
      isFinal |= m.pending().step().action() == ActionKind.FINAL_NOTICE;
    }
    return new DunningAction.Notice(
        cases,
        steps,
        loudest.pending().policy().id(),
        lead.channel(),
        lead.to().contactId(),
        lead.to().address(),
        lead.to().name(),
        loudest.pending().step().template(),
        loudest.pending().step().tone(),
        isFinal,
        false);
  }

  private static void skip(
      List<DunningAction> actions,
      Map<String, CasePlan> plans,
      Map<String, Instant> nextStep,
      Pending p,
      String reason) {
    actions.add(new DunningAction.StepSkipped(p.c().caseId(), p.step().id(), reason));
    plans.put(
        p.c().caseId(),
        Evaluator.plan(
            p.c(),
            p.policy(),
            p.step().id(),
            "skipped step " + p.step().id() + ": " + reason,
            nextStep.get(p.c().caseId())));
  }

  private static String names(List<Channel> channels) {
    return String.join(
        ", ", channels.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
  }
}
