package io.dunhub.hub.admin.policy;

import io.dunhub.hub.admin.ApiError;
import io.dunhub.hub.admin.ApiJson;
import io.dunhub.hub.admin.ApiRouter;
import io.dunhub.hub.admin.ApiRouters;
import io.dunhub.hub.admin.auth.Access;
import io.dunhub.hub.dunning.policy.Policy;
import io.dunhub.hub.dunning.policy.PolicyException;
import io.dunhub.hub.dunning.policy.PolicyProblem;
import io.dunhub.hub.dunning.policy.PolicySet;
import io.dunhub.hub.dunning.policy.Step;
import io.dunhub.hub.http.RoutePlugin;
import io.dunhub.hub.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/policies}: list and view the dunning policies, validate a YAML text (every problem
 * with file, line and column), and upload a new version of one policy, with a dry run that shows
 * which open cases' next step would change. A saved version is put to use at once ({@link
 * PolicyChanges}): the running dunning engine's next sweep uses it. If the engine cannot load it,
 * the previous file is put back and the old version keeps running.
 */
public final class PolicyRoutes implements RoutePlugin {

  private final ApiRouters routers;
  private final PolicyFiles files;
  private final PolicyDryRun dryRun;
  private final Clock clock;
  private final PolicyChanges changes;

  @Inject
  public PolicyRoutes(
      ApiRouters routers, PolicyFiles files, Store store, Clock clock, PolicyChanges changes) {
    this.routers = routers;
    this.files = files;
    this.dryRun = new PolicyDryRun(store);
    this.clock = clock;
    this.changes = changes;
  }

  @Override
  public void addRoutes(Javalin app) {
    routers
        .on(app)
        .get("/api/policies", Access.READ, this::list)
        .get("/api/policies/{name}", Access.READ, this::detail)
        .post("/api/policies/validate", Access.READ, this::validate)
        .put("/api/policies/{name}", Access.ADMIN, this::put);
  }

  private void list(Context ctx) {
    Map<String, String> sources = files.sources();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("editable", files.editable());
    List<Map<String, Object>> policies = new ArrayList<>();
    try {
      PolicySet set = files.load(sources);
      List<Policy> all = new ArrayList<>(set.ordered());
      all.add(set.fallback());
      for (Policy p : all) {
        policies.add(summary(p));
      }
      answer.put("problems", List.of());
    } catch (PolicyException e) {
      answer.put("problems", problems(e.problems()));
    }
    answer.put("policies", policies);
    ApiJson.send(ctx, answer);
  }

  private static Map<String, Object> summary(Policy p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.id());
    m.put("file", p.file());
    m.put("default", p.isDefault());
    m.put("order", p.order());
    m.put("days", p.days().name().toLowerCase(Locale.ROOT));
    List<Map<String, Object>> steps = new ArrayList<>();
    for (Step s : p.steps()) {
      Map<String, Object> st = new LinkedHashMap<>();
      st.put("id", s.id());
      st.put("at", s.at().toString());
      st.put("action", s.action().name().toLowerCase(Locale.ROOT));
      st.put(
          "channels", s.channels().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
      st.put("template", s.template());
      steps.add(st);
    }
    m.put("steps", steps);
    return m;
  }

  private void detail(Context ctx) {
    String name = ctx.pathParam("name");
    Map<String, String> sources = files.sources();
    String file =
        files.fileOf(name, sources).orElseThrow(() -> ApiError.notFound("policy " + name));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("file", file);
    m.put("editable", files.editable());
    m.put("yaml", sources.get(file));
    try {
      files.load(sources).byId(name).ifPresent(p -> m.put("policy", summary(p)));
      m.put("problems", List.of());
    } catch (PolicyException e) {
      m.put("problems", problems(e.problems()));
    }
    ApiJson.send(ctx, m);
  }

  private void validate(Context ctx) {
    ApiRouter.noChange(ctx);
    String yaml = yamlBody(ctx);
    String name = PolicyFiles.declaredName(yaml).orElse("submitted");
    Map<String, String> sources = files.with(name, yaml, files.sources());
    Map<String, Object> m = new LinkedHashMap<>();
    try {
      files.load(sources);
      m.put("valid", true);
      m.put("problems", List.of());
    } catch (PolicyException e) {
      m.put("valid", false);
      m.put("problems", problems(e.problems()));
    }
    ApiJson.send(ctx, m);
  }

  private void put(Context ctx) {
    String name = ctx.pathParam("name");
    boolean dry = dryRunParam(ctx);
    String yaml = yamlBody(ctx);
    Optional<String> declared = PolicyFiles.declaredName(yaml);
    if (declared.isEmpty() || !declared.get().equals(name)) {
      throw ApiError.badField(
          "policy",
          "the YAML must declare 'policy: "
              + name
              + "' (got "
              + declared.map(d -> "'" + d + "'").orElse("none")
              + ")");
    }
    Map<String, String> current = files.sources();
    Map<String, String> changed = files.with(name, yaml, current);
    PolicySet after;
    try {
      after = files.load(changed);
    } catch (PolicyException e) {
      PolicyProblem first = e.problems().get(0);
      throw new ApiError(
          400,
          e.problems().size() + " problem(s); first: " + first,
          "body",
          problems(e.problems()));
    }
    PolicySet before = files.current();
    if (!dry && !files.editable()) {
      throw new ApiError(
          409,
          "the hub runs on the bundled policies; set 'policies: <folder>' in the config to save new versions",
          null);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("file", files.fileOf(name, changed).orElse(name + ".yaml"));
    m.put("dryRun", dry);
    m.put("diff", before == null ? null : dryRun.diff(before, after, clock.instant()));
    if (dry) {
      ApiRouter.noChange(ctx);
    } else {
      String file = (String) m.get("file");
      String previous = current.get(file);
      files.write(file, yaml);
      try {
        changes.saved(after);
      } catch (RuntimeException e) {
        if (previous == null) {
          files.delete(file);
        } else {
          files.write(file, previous);
        }
        throw new ApiError(
            400,
            "the dunning engine could not load it; the previous version stays: " + e.getMessage(),
            "body");
      }
      ApiRouter.auditDetails(ctx, "saved policy " + name + " as " + file + "; in use");
      m.put("message", "saved; the dunning engine uses it from its next sweep");
    }
    ApiJson.send(ctx, m);
  }

  static boolean dryRunParam(Context ctx) {
    String v = ctx.queryParam("dryRun");
    if (v == null || v.isBlank()) {
      return true;
    }
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw ApiError.badField("dryRun", "must be true or false, got '" + v + "'");
  }

  static String yamlBody(Context ctx) {
    String yaml = ctx.body();
    if (yaml == null || yaml.isBlank()) {
      throw ApiError.badField("body", "send the YAML text as the request body");
    }
    if (yaml.length() > 1_000_000) {
      throw ApiError.badField("body", "is larger than 1 MB");
    }
    return yaml;
  }

  private static List<Map<String, Object>> problems(List<PolicyProblem> problems) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (PolicyProblem p : problems) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", p.file());
      m.put("line", p.line());
      m.put("column", p.column());
      m.put("message", p.message());
      list.add(m);
    }
    return list;
  }
}
