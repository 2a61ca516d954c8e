package io.dunhub.hub.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /health}: the process is alive (always 200). {@code GET /ready}: every {@link
 * ReadinessCheck} passes (200), or 503 with each failing check's reason as JSON.
 */
public final class HealthRoutes implements RoutePlugin {

  private final List<ReadinessCheck> checks;

  @Inject
  public HealthRoutes(Set<ReadinessCheck> checks) {
    List<ReadinessCheck> sorted = new ArrayList<>(checks);
    sorted.sort(Comparator.comparing(ReadinessCheck::name));
    this.checks = List.copyOf(sorted);
  }

  @Override
  public void addRoutes(Javalin app) {
    app.get("/health", ctx -> ctx.json(Map.of("status", "up")));
    app.get("/ready", this::ready);
  }

  private void ready(Context ctx) {
    Map<String, String> results = new LinkedHashMap<>();
    List<String> reasons = new ArrayList<>();
    for (ReadinessCheck check : checks) {
      Optional<String> problem;
      try {
        problem = check.problem();
      } catch (RuntimeException e) {
        problem = Optional.of("check failed: " + e.getClass().getSimpleName());
      }
      results.put(check.name(), problem.orElse("ok"));
      problem.ifPresent(p -> reasons.add(check.name() + ": " + p));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", reasons.isEmpty() ? "ready" : "not ready");
    body.put("checks", results);
    if (!reasons.isEmpty()) {
      body.put("reason", String.join("; ", reasons));
    }
    ctx.status(reasons.isEmpty() ? 200 : 503).json(body);
  }
}
