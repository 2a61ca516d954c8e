package io.dunhub.hub.report;

import io.dunhub.hub.dunning.policy.Policy;
import io.dunhub.hub.dunning.policy.PolicySet;
import io.dunhub.hub.dunning.policy.Step;
import io.dunhub.hub.store.Store;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The open cases whose next evaluation falls before a limit, with the step each is expected to
 * take: the first step of its policy it has not taken yet (as the evaluator picks it), or, without
 * the policies, the step named in the case's last status ({@code waiting: step due+7d (notice)}).
 */
final class UpcomingActions {

  private static final Pattern WAITING = Pattern.compile("waiting: step (\\S+) \\(([a-z_]+)\\)");

  private UpcomingActions() {}

  static List<UpcomingAction> before(Store store, PolicySet policies, ZoneId zone, Instant until) {
    return store
        .jdbi()
        .withHandle(
            h -> {
              Map<String, Set<String>> taken = new HashMap<>();
              h.createQuery(
                      "SELECT s.case_id, s.step_id FROM dunning_steps s JOIN dunning_cases c ON c.id = s.case_id"
                          + " WHERE c.closed = FALSE AND c.next_evaluation_at < :until")
                  .bind("until", until)
                  .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                  .forEach(r -> taken.computeIfAbsent(r[0], k -> new HashSet<>()).add(r[1]));
              return h.createQuery(
                      "SELECT c.id, c.policy_id, c.last_status, c.next_evaluation_at, i.number, p.name"
                          + " FROM dunning_cases c JOIN invoices i ON i.id = c.invoice_id"
                          + " JOIN parties p ON p.id = c.party_id WHERE c.closed = FALSE"
                          + " AND c.next_evaluation_at < :until ORDER BY c.next_evaluation_at, i.number, c.id")
                  .bind("until", until)
                  .map(
                      (rs, ctx) -> {
                        String caseId = rs.getString("id");
                        Instant at =
                            rs.getObject("next_evaluation_at", OffsetDateTime.class).toInstant();
                        String[] next =
                            next(
                                policies,
                                rs.getString("policy_id"),
                                taken.getOrDefault(caseId, Set.of()),
                                rs.getString("last_status"));
                        return new UpcomingAction(
                            at.atZone(zone).toLocalDate(),
                            at,
                            caseId,
                            rs.getString("number"),
                            rs.getString("name"),
                            next[0],
                            next[1]);
                      })
                  .list();
            });
  }

  /** {step, channel} of the next step, or nulls. */
  private static String[] next(
      PolicySet policies, String policyId, Set<String> taken, String lastStatus) {
    Optional<Policy> policy =
        policies == null || policyId == null ? Optional.empty() : policies.byId(policyId);
    if (policy.isPresent()) {
      for (Step s : policy.get().steps()) {
        if (!taken.contains(s.id())) {
          String channel =
              s.contactsCustomer() && !s.channels().isEmpty()
                  ? s.channels().get(0).name()
                  : s.action().name();
          return new String[] {s.id(), channel.toLowerCase(Locale.ROOT)};
        }
      }
      return new String[] {null, null};
    }
    if (lastStatus != null) {
      Matcher m = WAITING.matcher(lastStatus);
      if (m.find()) {
        return new String[] {m.group(1), m.group(2)};
      }
    }
    return new String[] {null, null};
  }
}
