package io.dunhub.hub.admin.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.hub.admin.ApiError;
import io.dunhub.hub.admin.ApiJson;
import io.dunhub.hub.admin.ApiRouter;
import io.dunhub.hub.admin.ApiRouters;
import io.dunhub.hub.admin.audit.AuditLog;
import io.dunhub.hub.http.RoutePlugin;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/login}, {@code POST /api/logout}, {@code GET /api/me} and {@code GET
 * /api/audit}.
 */
public final class AuthRoutes implements RoutePlugin {

  private final ApiRouters routers;
  private final UserDirectory users;
  private final PasswordHasher hasher;
  private final LoginSessions sessions;
  private final LoginLimiter limiter;
  private final AuditLog audit;

  @Inject
  public AuthRoutes(
      ApiRouters routers,
      UserDirectory users,
      PasswordHasher hasher,
      LoginSessions sessions,
      LoginLimiter limiter,
      AuditLog audit) {
    this.routers = routers;
    this.users = users;
    this.hasher = hasher;
    this.sessions = sessions;
    this.limiter = limiter;
    this.audit = audit;
  }

  @Override
  public void addRoutes(Javalin app) {
    routers
        .on(app)
        .post("/api/login", Access.PUBLIC, this::login)
        .post("/api/logout", Access.READ, this::logout)
        .get("/api/me", Access.READ, this::me)
        .get("/api/audit", Access.READ, this::audit);
  }

  private void login(Context ctx) {
    ObjectNode body = ApiJson.body(ctx);
    String name = ApiJson.text(body, "username");
    ApiRouter.auditActor(ctx, name);
    if (!body.hasNonNull("password") || !body.get("password").isTextual()) {
      throw ApiError.badField("password", "is required");
    }
    String password = body.get("password").asText();
    Optional<Duration> wait = limiter.blocked(name, ctx.ip());
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      ctx.header("Retry-After", Long.toString(seconds));
      ApiRouter.auditDetails(ctx, "refused: too many failed logins");
      throw new ApiError(429, "too many failed logins; try again in " + seconds + " seconds", null);
    }
    Optional<UserDirectory.User> user = users.find(name);
    if (!hasher.verify(password, user.map(UserDirectory.User::passwordHash).orElse(null))) {
      limiter.failed(name, ctx.ip());
      ApiRouter.auditDetails(ctx, "failed: wrong username or password");
      throw new ApiError(401, "wrong username or password", null);
    }
    limiter.succeeded(name);
    LoginSessions.Login login = sessions.create(name, user.get().role());
    ApiRouter.auditDetails(ctx, "signed in as " + user.get().role().label());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("token", login.token());
    answer.put("user", me(name, user.get().role()));
    answer.put("expiresAt", login.expiresAt());
    ApiJson.send(ctx, answer);
  }

  private void logout(Context ctx) {
    Principal p = ApiRouter.principal(ctx);
    if (p.tokenHash() != null) {
      sessions.end(p.tokenHash());
    }
    ApiJson.send(ctx, Map.of("ok", true));
  }

  private void me(Context ctx) {
    Principal p = ApiRouter.principal(ctx);
    ApiJson.send(ctx, me(p.name(), p.role()));
  }

  private static Map<String, Object> me(String name, Role role) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("role", role.label());
    return m;
  }

  private void audit(Context ctx) {
    int limit = ApiJson.intParam(ctx, "limit", 100, 1, 1000);
    int offset = ApiJson.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    ApiJson.send(ctx, audit.list(ctx.queryParam("actor"), limit, offset));
  }
}
