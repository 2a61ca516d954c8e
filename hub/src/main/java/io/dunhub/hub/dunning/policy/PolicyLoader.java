package io.dunhub.hub.dunning.policy;

import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads dunning policies from YAML and validates them all at once: every problem is reported with
 * its file, line and column (see {@code docs/dunning.md} for the format).
 */
public final class PolicyLoader {

  private static final Set<String> TOP =
      Set.of(
          "policy",
          "order",
          "default",
          "when",
          "days",
          "guards",
          "promise_grace_days",
          "thank_you",
          "steps");
  private static final Set<String> WHEN =
      Set.of(
          "segments",
          "tags",
          "countries",
          "currencies",
          "open_balance",
          "customer_age_days",
          "late_payments",
          "average_days_late");
  private static final Set<String> GUARDS =
      Set.of(
          "window",
          "business_days_only",
          "max_contacts_per_7_days",
          "minimum_balance",
          "consolidate");
  private static final Set<String> STEP =
      Set.of("id", "at", "action", "channels", "template", "tone", "fee", "assignee");
  private static final Set<String> RANGE = Set.of("min", "max");

  private final Predicate<String> templateExists;

  /**
   * @param templateExists tells whether a notice template of that name exists, so that a policy
   *     naming a missing template fails at load time rather than at send time
   */
  public PolicyLoader(Predicate<String> templateExists) {
    this.templateExists = templateExists;
  }

  /** Loads every {@code *.yaml}/{@code *.yml} file of a directory. */
  public PolicySet loadDirectory(Path dir) {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
          sources.put(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new PolicyException(
          List.of(new PolicyProblem(dir.toString(), 1, 1, "cannot read: " + e.getMessage())));
    }
    return load(sources);
  }

  /** Loads policies from (file name → YAML text); throws with every problem found. */
  public PolicySet load(Map<String, String> sources) {
    List<PolicyProblem> problems = new ArrayList<>();
    List<Policy> policies = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Policy policy = parse(source.getKey(), source.getValue(), problems);
      if (policy == null) {
        continue;
      }
      String earlier = seen.putIfAbsent(policy.id(), policy.file());
      if (earlier != null) {
        problems.add(
            new PolicyProblem(
                policy.file(), 1, 1, "policy '" + policy.id() + "' is also defined in " + earlier));
      }
      policies.add(policy);
    }
    List<Policy> defaults = policies.stream().filter(Policy::isDefault).toList();
    if (problems.isEmpty() && defaults.isEmpty()) {
      String where = sources.isEmpty() ? "(no policy files)" : sources.keySet().iterator().next();
      problems.add(
          new PolicyProblem(
              where, 1, 1, "no default policy: mark exactly one with 'default: true'"));
    }
    for (Policy extra : defaults.stream().skip(1).toList()) {
      problems.add(
          new PolicyProblem(
              extra.file(),
              1,
              1,
              "policy '"
                  + extra.id()
                  + "' is a second default; '"
                  + defaults.get(0).id()
                  + "' already is"));
    }
    if (!problems.isEmpty()) {
      throw new PolicyException(problems);
    }
    return new PolicySet(policies);
  }

  private Policy parse(String file, String text, List<PolicyProblem> problems) {
    YamlReader r = new YamlReader(file, problems);
    int before = problems.size();
    Node root;
    try {
      Optional<Node> composed =
          new Compose(LoadSettings.builder().setLabel(file).build()).composeString(text);
      if (composed.isEmpty()) {
        problems.add(new PolicyProblem(file, 1, 1, "the file is empty"));
        return null;
      }
      root = composed.get();
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
      int column = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(1);
      problems.add(new PolicyProblem(file, line, column, "not valid YAML: " + e.getProblem()));
      return null;
    } catch (YamlEngineException e) {
      problems.add(new PolicyProblem(file, 1, 1, "not valid YAML: " + e.getMessage()));
      return null;
    }
    Map<String, Node> top = r.mapping(root, "policy file", TOP);
    String id = top.containsKey("policy") ? r.text(top.get("policy"), "policy") : null;
    if (!top.containsKey("policy")) {
      r.problem(root, "missing 'policy' (the policy's name)");
    }
    int order =
        top.containsKey("order") ? orZero(r.integer(top.get("order"), "order", 0, 1_000_000)) : 0;
    boolean isDefault =
        top.containsKey("default") && Boolean.TRUE.equals(r.bool(top.get("default"), "default"));
    Conditions when = top.containsKey("when") ? conditions(r, top.get("when")) : Conditions.ALWAYS;
    if (isDefault && top.containsKey("when")) {
      r.problem(top.get("when"), "the default policy applies when no other does: remove 'when'");
    }
    DayCounting days = DayCounting.CALENDAR;
    if (top.containsKey("days")) {
      DayCounting parsed =
          r.parse(
              top.get("days"),
              "days",
              t -> {
                try {
                  return DayCounting.valueOf(t.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                  throw new IllegalArgumentException(
                      "must be calendar or business, not '" + t + "'");
                }
              });
      days = parsed == null ? days : parsed;
    }
    Guards guards = top.containsKey("guards") ? guards(r, top.get("guards")) : Guards.DEFAULT;
    Duration grace = Duration.ofDays(3);
    if (top.containsKey("promise_grace_days")) {
      Integer g = r.integer(top.get("promise_grace_days"), "promise_grace_days", 0, 365);
      grace = g == null ? grace : Duration.ofDays(g);
    }
    String thankYou = null;
    if (top.containsKey("thank_you")) {
      thankYou = r.text(top.get("thank_you"), "thank_you");
      if (thankYou != null && !templateExists.test(thankYou)) {
        r.problem(top.get("thank_you"), "thank_you: no template named '" + thankYou + "'");
      }
    }
    List<Step> steps = new ArrayList<>();
    if (!top.containsKey("steps")) {
      r.problem(root, "missing 'steps'");
    } else {
      steps = r.list(top.get("steps"), "steps", n -> step(r, n));
      checkOrder(r, top.get("steps"), steps);
    }
    if (problems.size() > before || id == null) {
      return null;
    }
    return new Policy(id, file, order, isDefault, when, days, guards, grace, thankYou, steps);
  }

  private void checkOrder(YamlReader r, Node stepsNode, List<Step> steps) {
    Set<String> ids = new HashSet<>();
    Step previous = null;
    for (Step step : steps) {
      if (!ids.add(step.id())) {
        r.problem(lineNode(stepsNode, step), "step id '" + step.id() + "' is used twice");
      }
      if (previous != null && step.at().compareTo(previous.at()) < 0) {
        r.problem(
            lineNode(stepsNode, step),
            "steps must be in order of their offset: "
                + step.at()
                + " comes after "
                + previous.at());
      }
      previous = step;
    }
    if (steps.isEmpty()) {
      r.problem(stepsNode, "a policy needs at least one step");
    }
  }

  private static Node lineNode(Node stepsNode, Step step) {
    if (stepsNode instanceof org.snakeyaml.engine.v2.nodes.SequenceNode seq) {
      for (Node n : seq.getValue()) {
        if (YamlReader.line(n) == step.line()) {
          return n;
        }
      }
    }
    return stepsNode;
  }

  private Step step(YamlReader r, Node node) {
    Map<String, Node> m = r.mapping(node, "step", STEP);
    int line = YamlReader.line(node);
    Offset at = m.containsKey("at") ? r.parse(m.get("at"), "at", Offset::parse) : null;
    if (!m.containsKey("at")) {
      r.problem(node, "step: missing 'at' (due-7d, due, due+3d, …)");
    }
    ActionKind action = null;
    if (!m.containsKey("action")) {
      r.problem(node, "step: missing 'action' (notice, late_fee, task, final_notice, collections)");
    } else {
      action =
          r.parse(
              m.get("action"),
              "action",
              t -> {
                try {
                  return ActionKind.valueOf(t.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                  throw new IllegalArgumentException(
                      "'"
                          + t
                          + "' is not one of notice, late_fee, task, final_notice, collections");
                }
              });
    }
    String id = m.containsKey("id") ? r.text(m.get("id"), "id") : at == null ? null : at.toString();
    String label = id != null ? id : "at line " + line;
    List<Channel> channels = List.of();
    String template = null;
    int tone = 1;
    FeeRule fee = null;
    String assignee = null;
    if (action == ActionKind.NOTICE || action == ActionKind.FINAL_NOTICE) {
      if (!m.containsKey("channels")) {
        r.problem(node, "step " + label + ": a notice needs 'channels' (email, sms, letter)");
      } else {
        channels = r.list(m.get("channels"), "channels", n -> channel(r, n));
      }
      if (!m.containsKey("template")) {
        r.problem(node, "step " + label + ": a notice needs 'template'");
      } else {
        template = r.text(m.get("template"), "template");
        if (template != null && !templateExists.test(template)) {
          r.problem(m.get("template"), "template: no template named '" + template + "'");
        }
      }
      if (m.containsKey("tone")) {
        Integer t = r.integer(m.get("tone"), "tone", 1, 5);
        tone = t == null ? tone : t;
      } else if (action == ActionKind.FINAL_NOTICE) {
        tone = 5;
      }
      rejectAll(r, m, label, action, "fee", "assignee");
    } else if (action == ActionKind.LATE_FEE) {
      if (!m.containsKey("fee")) {
        r.problem(node, "step " + label + ": a late_fee needs 'fee' (fixed, percent or statutory)");
      } else {
        fee = fee(r, m.get("fee"));
      }
      rejectAll(r, m, label, action, "channels", "template", "tone", "assignee");
    } else if (action == ActionKind.TASK || action == ActionKind.COLLECTIONS) {
      assignee = m.containsKey("assignee") ? r.text(m.get("assignee"), "assignee") : "owner";
      rejectAll(r, m, label, action, "channels", "template", "tone", "fee");
    }
    if (at == null || action == null || id == null) {
      return null;
    }
    return new Step(id, at, action, channels, template, tone, fee, assignee, line);
  }

  private static void rejectAll(
      YamlReader r, Map<String, Node> m, String id, ActionKind action, String... keys) {
    for (String key : keys) {
      if (m.containsKey(key)) {
        r.problem(
            m.get(key),
            "step "
                + id
                + ": '"
                + key
                + "' does not apply to "
                + action.name().toLowerCase(Locale.ROOT));
      }
    }
  }

  private Channel channel(YamlReader r, Node node) {
    return r.parse(
        node,
        "channel",
        t -> {
          try {
            Channel c = Channel.valueOf(t.toUpperCase(Locale.ROOT));
            if (c == Channel.TASK) {
              throw new IllegalArgumentException("use action: task for human tasks");
            }
            return c;
          } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("use")) {
              throw e;
            }
            throw new IllegalArgumentException("'" + t + "' is not one of email, sms, letter");
          }
        });
  }

  private FeeRule fee(YamlReader r, Node node) {
    Map<String, Node> m = r.mapping(node, "fee", Set.of("fixed", "percent", "cap", "statutory"));
    int kinds =
        (m.containsKey("fixed") ? 1 : 0)
            + (m.containsKey("percent") ? 1 : 0)
            + (m.containsKey("statutory") ? 1 : 0);
    if (kinds != 1) {
      r.problem(node, "fee: give exactly one of fixed, percent, statutory");
      return null;
    }
    if (m.containsKey("fixed")) {
      Map<Currency, BigDecimal> amounts = amounts(r, m.get("fixed"), "fee.fixed");
      return amounts.isEmpty() ? null : new FeeRule.Fixed(amounts);
    }
    if (m.containsKey("percent")) {
      BigDecimal pct = r.decimal(m.get("percent"), "fee.percent");
      Map<Currency, BigDecimal> cap =
          m.containsKey("cap") ? amounts(r, m.get("cap"), "fee.cap") : Map.of();
      return pct == null ? null : new FeeRule.Percent(pct, cap);
    }
    if (m.containsKey("cap")) {
      r.problem(m.get("cap"), "fee.cap applies only to percent fees");
    }
    Map<String, Node> s =
        r.mapping(
            m.get("statutory"),
            "fee.statutory",
            Set.of("points", "reference_rates", "compensation"));
    BigDecimal points =
        s.containsKey("points")
            ? r.decimal(s.get("points"), "fee.statutory.points")
            : new BigDecimal("8");
    TreeMap<LocalDate, BigDecimal> rates = new TreeMap<>();
    if (!s.containsKey("reference_rates")) {
      r.problem(
          m.get("statutory"),
          "fee.statutory: 'reference_rates' is required (ECB rate by date it took effect)");
    } else {
      Map<String, Node> rateNodes = r.mapping(s.get("reference_rates"), "reference_rates", null);
      for (Map.Entry<String, Node> e : rateNodes.entrySet()) {
        LocalDate from;
        try {
          from = LocalDate.parse(e.getKey());
        } catch (RuntimeException ex) {
          r.problem(
              e.getValue(), "reference_rates: '" + e.getKey() + "' is not a date (YYYY-MM-DD)");
          continue;
        }
        if (!(from.getDayOfMonth() == 1
            && (from.getMonthValue() == 1 || from.getMonthValue() == 7))) {
          r.problem(
              e.getValue(),
              "reference_rates: " + from + " is not 1 January or 1 July, when the rate resets");
        }
        BigDecimal rate = r.decimal(e.getValue(), "reference rate for " + from);
        if (rate != null) {
          rates.put(from, rate);
        }
      }
    }
    Map<Currency, BigDecimal> compensation =
        s.containsKey("compensation")
            ? amounts(r, s.get("compensation"), "fee.statutory.compensation")
            : Map.of(Money.currency("EUR"), new BigDecimal("40"));
    return points == null ? null : new FeeRule.Statutory(points, rates, compensation);
  }

  private Map<Currency, BigDecimal> amounts(YamlReader r, Node node, String what) {
    Map<Currency, BigDecimal> result = new LinkedHashMap<>();
    Map<String, Node> entries = r.mapping(node, what, null);
    for (Map.Entry<String, Node> e : entries.entrySet()) {
      Currency currency = currency(r, e.getValue(), e.getKey(), what);
      BigDecimal amount = r.decimal(e.getValue(), what + "." + e.getKey());
      if (currency != null && amount != null) {
        result.put(currency, amount);
      }
    }
    if (entries.isEmpty()) {
      r.problem(node, what + ": give at least one amount per currency, like EUR: 15");
    }
    return result;
  }

  private static Currency currency(YamlReader r, Node where, String code, String what) {
    try {
      return Money.currency(code);
    } catch (IllegalArgumentException e) {
      r.problem(where, what + ": " + e.getMessage());
      return null;
    }
  }

  private Conditions conditions(YamlReader r, Node node) {
    Map<String, Node> m = r.mapping(node, "when", WHEN);
    Set<String> segments = words(r, m.get("segments"), "segments", false);
    Set<String> tags = words(r, m.get("tags"), "tags", false);
    Set<String> countries = words(r, m.get("countries"), "countries", true);
    for (String c : countries) {
      if (!Set.of(Locale.getISOCountries()).contains(c)) {
        r.problem(m.get("countries"), "countries: '" + c + "' is not an ISO 3166 alpha-2 code");
      }
    }
    Set<Currency> currencies = new HashSet<>();
    for (String code : words(r, m.get("currencies"), "currencies", true)) {
      Currency c = currency(r, m.get("currencies"), code, "currencies");
      if (c != null) {
        currencies.add(c);
      }
    }
    Map<Currency, Range> balance = new HashMap<>();
    if (m.containsKey("open_balance")) {
      for (Map.Entry<String, Node> e :
          r.mapping(m.get("open_balance"), "open_balance", null).entrySet()) {
        Currency c = currency(r, e.getValue(), e.getKey(), "open_balance");
        Range range = range(r, e.getValue(), "open_balance." + e.getKey());
        if (c != null) {
          balance.put(c, range);
        }
      }
    }
    return new Conditions(
        segments,
        tags,
        countries,
        currencies,
        balance,
        range(r, m.get("customer_age_days"), "customer_age_days"),
        range(r, m.get("late_payments"), "late_payments"),
        range(r, m.get("average_days_late"), "average_days_late"));
  }

  private Set<String> words(YamlReader r, Node node, String what, boolean upper) {
    if (node == null) {
      return Set.of();
    }
    Set<String> result = new HashSet<>();
    for (String w : r.list(node, what, n -> r.text(n, what))) {
      result.add(upper ? w.toUpperCase(Locale.ROOT) : w);
    }
    return result;
  }

  private Range range(YamlReader r, Node node, String what) {
    if (node == null) {
      return Range.ANY;
    }
    Map<String, Node> m = r.mapping(node, what, RANGE);
    BigDecimal min = m.containsKey("min") ? r.decimal(m.get("min"), what + ".min") : null;
    BigDecimal max = m.containsKey("max") ? r.decimal(m.get("max"), what + ".max") : null;
    if (min != null && max != null && min.compareTo(max) > 0) {
      r.problem(node, what + ": min " + min + " is above max " + max);
    }
    return new Range(min, max);
  }

  private Guards guards(YamlReader r, Node node) {
    Map<String, Node> m = r.mapping(node, "guards", GUARDS);
    Guards d = Guards.DEFAULT;
    LocalTime start = d.windowStart();
    LocalTime end = d.windowEnd();
    if (m.containsKey("window")) {
      LocalTime[] window =
          r.parse(
              m.get("window"),
              "window",
              t -> {
                String[] parts = t.split("-");
                if (parts.length != 2) {
                  throw new IllegalArgumentException("write it as HH:MM-HH:MM, like 08:00-21:00");
                }
                try {
                  LocalTime a = LocalTime.parse(parts[0].trim());
                  LocalTime b = LocalTime.parse(parts[1].trim());
                  if (!a.isBefore(b)) {
                    throw new IllegalArgumentException("the window must end after it starts");
                  }
                  return new LocalTime[] {a, b};
                } catch (java.time.format.DateTimeParseException e) {
                  throw new IllegalArgumentException("write it as HH:MM-HH:MM, like 08:00-21:00");
                }
              });
      if (window != null) {
        start = window[0];
        end = window[1];
      }
    }
    boolean business = d.businessDaysOnly();
    if (m.containsKey("business_days_only")) {
      Boolean b = r.bool(m.get("business_days_only"), "business_days_only");
      business = b == null ? business : b;
    }
    int cap = d.maxContactsPer7Days();
    if (m.containsKey("max_contacts_per_7_days")) {
      Integer c = r.integer(m.get("max_contacts_per_7_days"), "max_contacts_per_7_days", 1, 50);
      cap = c == null ? cap : c;
    }
    Map<Currency, BigDecimal> minimum =
        m.containsKey("minimum_balance")
            ? amounts(r, m.get("minimum_balance"), "minimum_balance")
            : Map.of();
    boolean consolidate = d.consolidate();
    if (m.containsKey("consolidate")) {
      Boolean b = r.bool(m.get("consolidate"), "consolidate");
      consolidate = b == null ? consolidate : b;
    }
    return new Guards(start, end, business, cap, minimum, consolidate);
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
