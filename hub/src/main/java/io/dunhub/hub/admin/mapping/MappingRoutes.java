package io.dunhub.hub.admin.mapping;

import io.dunhub.core.mapping.Mapping;
import io.dunhub.core.mapping.MappingProblem;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.hub.admin.ApiError;
import io.dunhub.hub.admin.ApiJson;
import io.dunhub.hub.admin.ApiRouter;
import io.dunhub.hub.admin.ApiRouters;
import io.dunhub.hub.admin.auth.Access;
import io.dunhub.hub.http.RoutePlugin;
import io.dunhub.hub.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/mappings}: list and view the field mappings, validate a YAML text (every problem with
 * file, line and column), and upload a new version of one file with a dry run that shows what it
 * changes (fields, settings, and host payloads of sample records for mappings that write). A saved
 * version is put to use at once ({@link MappingChanges}): the running sync uses it from its next
 * run. If the sync cannot load it, the previous file is put back.
 */
public final class MappingRoutes implements RoutePlugin {

  private final ApiRouters routers;
  private final MappingFiles files;
  private final MappingDiff diff;
  private final MappingChanges changes;

  @Inject
  public MappingRoutes(
      ApiRouters routers, MappingFiles files, Store store, MappingChanges changes) {
    this.routers = routers;
    this.files = files;
    this.diff = new MappingDiff(store);
    this.changes = changes;
  }

  @Override
  public void addRoutes(Javalin app) {
    routers
        .on(app)
        .get("/api/mappings", Access.READ, this::list)
        .post("/api/mappings/validate", Access.READ, this::validate)
        .get("/api/mappings/<file>", Access.READ, this::detail)
        .put("/api/mappings/<file>", Access.ADMIN, this::put);
  }

  private void list(Context ctx) {
    MappingSet set = files.load();
    List<Map<String, Object>> mappings = new ArrayList<>();
    for (Mapping m : set.mappings()) {
      mappings.add(summary(m));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("editable", files.editable());
    answer.put("mappings", mappings);
    answer.put("problems", problems(set.problems()));
    ApiJson.send(ctx, answer);
  }

  private static String name(Mapping m) {
    return m.system() + "/" + MappingFiles.fileName(m.file());
  }

  private static Map<String, Object> summary(Mapping m) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("file", name(m));
    s.put("system", m.system());
    s.put("hostObject", m.hostObject());
    s.put("entity", m.entity().name().toLowerCase(Locale.ROOT));
    s.put("direction", m.direction().name().toLowerCase(Locale.ROOT));
    s.put("enabled", m.enabled());
    s.put("user", !m.file().startsWith("classpath:"));
    return s;
  }

  private String fileParam(Context ctx, String name) {
    if (name == null || !MappingFiles.validName(name)) {
      throw ApiError.badField("file", "must be <system>/<Object>.yaml, got '" + name + "'");
    }
    return name;
  }

  private void detail(Context ctx) {
    String name = fileParam(ctx, ctx.pathParam("file"));
    MappingFiles.File file = files.files().get(name);
    if (file == null) {
      throw ApiError.notFound("mapping file " + name);
    }
    MappingSet set = files.load();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", name);
    m.put("system", file.system());
    m.put("user", file.user());
    m.put("editable", files.editable());
    m.put("yaml", file.text());
    find(set, name)
        .ifPresent(
            mapping -> {
              Map<String, Object> s = summary(mapping);
              s.put("key", mapping.key());
              s.put("cursor", mapping.cursor());
              s.put("filters", mapping.filters());
              s.put("owners", mapping.owners());
              m.put("mapping", s);
            });
    ApiJson.send(ctx, m);
  }

  private static Optional<Mapping> find(MappingSet set, String name) {
    return set.mappings().stream().filter(m -> name(m).equals(name)).findFirst();
  }

  private void validate(Context ctx) {
    ApiRouter.noChange(ctx);
    String yaml = yaml(ctx);
    String file = ctx.queryParam("file");
    if (file == null || file.isBlank()) {
      file =
          inferName(yaml)
              .orElseThrow(
                  () ->
                      ApiError.badField(
                          "file",
                          "pass ?file=<system>/<Object>.yaml, or declare 'system:' and 'object:' in"
                              + " the YAML"));
    }
    String name = fileParam(ctx, file);
    MappingSet set = files.loadWith(name, yaml);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("valid", !set.hasErrors());
    m.put("problems", problems(set.problems()));
    ApiJson.send(ctx, m);
  }

  private void put(Context ctx) {
    String name = fileParam(ctx, ctx.pathParam("file"));
    String v = ctx.queryParam("dryRun");
    boolean dry = v == null || v.isBlank() || v.equalsIgnoreCase("true");
    if (v != null && !v.isBlank() && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
      throw ApiError.badField("dryRun", "must be true or false, got '" + v + "'");
    }
    String yaml = yaml(ctx);
    MappingSet after = files.loadWith(name, yaml);
    if (after.hasErrors()) {
      List<Map<String, Object>> problems = problems(after.errors());
      throw new ApiError(
          400, problems.size() + " problem(s); first: " + after.errors().get(0), "body", problems);
    }
    Mapping changed =
        find(after, name)
            .orElseThrow(
                () ->
                    ApiError.badField(
                        "file",
                        "the file compiles to no mapping named "
                            + name
                            + " (check system and name)"));
    Mapping before = find(files.load(), name).orElse(null);
    if (!dry && !files.editable()) {
      throw new ApiError(
          409,
          "the hub runs on the shipped mappings; set 'mappings: <folder>' in the config to save new versions",
          null);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", name);
    m.put("dryRun", dry);
    m.put("diff", diff.diff(before, changed));
    if (dry) {
      ApiRouter.noChange(ctx);
    } else {
      String previous = files.userText(name).orElse(null);
      files.write(name, yaml);
      try {
        changes.saved(files.load());
      } catch (RuntimeException e) {
        if (previous == null) {
          files.delete(name);
        } else {
          files.write(name, previous);
        }
        throw new ApiError(
            400,
            "the sync could not load it; the previous version stays: " + e.getMessage(),
            "body");
      }
      ApiRouter.auditDetails(ctx, "saved mapping " + name + "; in use");
      m.put("message", "saved; the sync uses it from its next run");
    }
    ApiJson.send(ctx, m);
  }

  private static final java.util.regex.Pattern SYSTEM =
      java.util.regex.Pattern.compile("(?m)^system:\\s*['\"]?([A-Za-z0-9_-]+)");
  private static final java.util.regex.Pattern OBJECT =
      java.util.regex.Pattern.compile("(?m)^object:\\s*['\"]?([A-Za-z0-9_.-]+)");

  /**
   * The file a YAML text replaces, from its {@code system:} and {@code object:}: the file of the
   * mapping of that host object, or {@code <system>/<object>.yaml}.
   */
  private Optional<String> inferName(String yaml) {
    java.util.regex.Matcher system = SYSTEM.matcher(yaml);
    java.util.regex.Matcher object = OBJECT.matcher(yaml);
    if (!system.find() || !object.find()) {
      return Optional.empty();
    }
    return Optional.of(
        files
            .load()
            .find(system.group(1), object.group(1))
            .map(MappingRoutes::name)
            .orElse(system.group(1) + "/" + object.group(1) + ".yaml"));
  }

  private static String yaml(Context ctx) {
    String yaml = ctx.body();
    if (yaml == null || yaml.isBlank()) {
      throw ApiError.badField("body", "send the YAML text as the request body");
    }
    return yaml;
  }

  private static List<Map<String, Object>> problems(List<MappingProblem> problems) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (MappingProblem p : problems) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", p.file());
      m.put("line", p.line());
      m.put("column", p.column());
      m.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
      m.put("message", p.message());
      list.add(m);
    }
    return list;
  }
}
