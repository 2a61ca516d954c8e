package io.dunhub.hub.admin.policy;

import io.dunhub.hub.dunning.CasePlan;
import io.dunhub.hub.dunning.Evaluation;
import io.dunhub.hub.dunning.Evaluator;
import io.dunhub.hub.dunning.LedgerReader;
import io.dunhub.hub.dunning.calendar.BusinessCalendar;
import io.dunhub.hub.dunning.calendar.JollydayHolidays;
import io.dunhub.hub.dunning.fee.LateFeeCalculator;
import io.dunhub.hub.dunning.policy.PolicySet;
import io.dunhub.hub.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a new version of the policies would change: every open case evaluated now under the current
 * and the new policies (the evaluator is pure, so nothing is applied), and the cases whose policy,
 * next step or next evaluation differ.
 */
final class PolicyDryRun {

  /** At most this many parties are evaluated; the answer says when there were more. */
  static final int MAX_PARTIES = 5000;

  private final Store store;
  private final Evaluator evaluator =
      new Evaluator(new BusinessCalendar(new JollydayHolidays()), new LateFeeCalculator());

  PolicyDryRun(Store store) {
    this.store = store;
  }

  Map<String, Object> diff(PolicySet before, PolicySet after, Instant now) {
    return store
        .jdbi()
        .withHandle(
            h -> {
              List<String> parties =
                  h.createQuery(
                          "SELECT DISTINCT party_id FROM dunning_cases WHERE closed = FALSE ORDER BY party_id"
                              + " LIMIT :n")
                      .bind("n", MAX_PARTIES + 1)
                      .mapTo(String.class)
                      .list();
              boolean truncated = parties.size() > MAX_PARTIES;
              List<Map<String, Object>> changes = new ArrayList<>();
              int cases = 0;
              for (String party : parties.subList(0, Math.min(parties.size(), MAX_PARTIES))) {
                var loaded = LedgerReader.load(h, party, now);
                if (loaded.isEmpty()) {
                  continue;
                }
                Evaluation was =
                    evaluator.evaluate(loaded.get().facts(), before, loaded.get().history(), now);
                Evaluation will =
                    evaluator.evaluate(loaded.get().facts(), after, loaded.get().history(), now);
                Map<String, CasePlan> old = new LinkedHashMap<>();
                was.plans().forEach(p -> old.put(p.caseId(), p));
                for (CasePlan p : will.plans()) {
                  cases++;
                  CasePlan o = old.get(p.caseId());
                  if (o == null
                      || !Objects.equals(o.policyId(), p.policyId())
                      || !Objects.equals(o.stepId(), p.stepId())
                      || !Objects.equals(o.nextEvaluation(), p.nextEvaluation())) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("caseId", p.caseId());
                    c.put("invoiceNumber", p.invoiceNumber());
                    c.put("partyId", party);
                    c.put("before", plan(o));
                    c.put("after", plan(p));
                    changes.add(c);
                  }
                }
              }
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("casesEvaluated", cases);
              m.put("casesChanged", changes.size());
              m.put("truncated", truncated);
              m.put("changes", changes);
              return m;
            });
  }

  private static Map<String, Object> plan(CasePlan p) {
    if (p == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("policy", p.policyId());
    m.put("nextStep", p.stepId());
    m.put("nextEvaluationAt", p.nextEvaluation());
    m.put("status", p.status());
    return m;
  }
}
