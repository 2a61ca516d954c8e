package io.dunhub.hub.admin;

import io.dunhub.hub.admin.audit.AuditLog;
import io.dunhub.hub.admin.auth.Access;
import io.dunhub.hub.admin.auth.Authenticator;
import io.dunhub.hub.admin.auth.Principal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds admin API routes to the server, each with its access level: the caller is authenticated and
 * authorized before the handler runs, errors become {@code {"error", "field", "status"}} answers,
 * and every change (POST, PUT, DELETE that is not marked {@link #noChange}) lands in the audit log
 * with who, when, what and the target. Every route is listed in the {@link ApiRouteTable}.
 */
public final class ApiRouter {

  private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
  private static final String PRINCIPAL = "dunhub.principal";
  private static final String DETAILS = "dunhub.audit.details";
  private static final String ACTOR = "dunhub.audit.actor";
  private static final String NO_CHANGE = "dunhub.audit.none";

  private final Javalin app;
  private final ApiRouteTable table;
  private final Authenticator auth;
  private final AuditLog audit;

  ApiRouter(Javalin app, ApiRouteTable table, Authenticator auth, AuditLog audit) {
    this.app = app;
    this.table = table;
    this.auth = auth;
    this.audit = audit;
  }

  public ApiRouter get(String path, Access access, Handler handler) {
    return add(HandlerType.GET, path, access, handler);
  }

  public ApiRouter post(String path, Access access, Handler handler) {
    return add(HandlerType.POST, path, access, handler);
  }

  public ApiRouter put(String path, Access access, Handler handler) {
    return add(HandlerType.PUT, path, access, handler);
  }

  public ApiRouter delete(String path, Access access, Handler handler) {
    return add(HandlerType.DELETE, path, access, handler);
  }

  private ApiRouter add(HandlerType method, String path, Access access, Handler handler) {
    table.add(method.name(), path, access);
    app.addHttpHandler(method, path, ctx -> handle(ctx, method, path, access, handler));
    return this;
  }

  /** The signed-in caller of the current request (null on public routes). */
  public static Principal principal(Context ctx) {
    return ctx.<Principal>attribute(PRINCIPAL);
  }

  /** What the audit row of this request says beyond its action and target (no secrets). */
  public static void auditDetails(Context ctx, String details) {
    ctx.attribute(DETAILS, details);
  }

  /** The actor of a request made before anyone is signed in (the user name tried at login). */
  public static void auditActor(Context ctx, String actor) {
    ctx.attribute(ACTOR, actor);
  }

  /** Marks a POST or PUT that changes nothing (validate, preview, dry run): no audit row. */
  public static void noChange(Context ctx) {
    ctx.attribute(NO_CHANGE, Boolean.TRUE);
  }

  private void handle(
      Context ctx, HandlerType method, String path, Access access, Handler handler) {
    Principal who = null;
    try {
      if (access != Access.PUBLIC) {
        who = auth.authenticate(ctx.header("Authorization"));
        ctx.attribute(PRINCIPAL, who);
        Authenticator.authorize(who, access);
      }
      handler.handle(ctx);
    } catch (ApiError e) {
      error(ctx, e);
    } catch (Exception e) {
      LOG.error("admin API {} {} failed", method, ctx.path(), e);
      error(
          ctx,
          new ApiError(
              500,
              "internal error (" + e.getClass().getSimpleName() + "); see the hub's log",
              null));
    }
    record(ctx, method, path, who);
  }

  private void record(Context ctx, HandlerType method, String path, Principal who) {
    if (method == HandlerType.GET || Boolean.TRUE.equals(ctx.<Boolean>attribute(NO_CHANGE))) {
      return;
    }
    int status = ctx.statusCode();
    String actor = who != null ? who.name() : ctx.<String>attribute(ACTOR);
    boolean login = actor != null && who == null;
    if (actor == null || !(status < 400 || status == 403 || login)) {
      return;
    }
    try {
      audit.record(
          actor,
          who == null ? null : who.role().label(),
          method.name() + " " + path,
          ctx.path(),
          status,
          ctx.ip(),
          ctx.<String>attribute(DETAILS));
    } catch (RuntimeException e) {
      LOG.error("cannot write the audit log for {} {}", method, ctx.path(), e);
    }
  }

  private static void error(Context ctx, ApiError e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.getMessage());
    if (e.field() != null) {
      body.put("field", e.field());
    }
    body.put("status", e.status());
    if (e.details() != null) {
      body.put("problems", e.details());
    }
    if (e.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"dunhub\"");
    }
    ctx.status(e.status());
    ApiJson.send(ctx, body);
  }
}
