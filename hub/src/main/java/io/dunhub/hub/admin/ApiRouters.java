package io.dunhub.hub.admin;

import io.dunhub.hub.admin.audit.AuditLog;
import io.dunhub.hub.admin.auth.Authenticator;
import io.javalin.Javalin;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Makes the {@link ApiRouter} each admin route plugin adds its routes with. */
@Singleton
public final class ApiRouters {

  private final ApiRouteTable table;
  private final Authenticator auth;
  private final AuditLog audit;

  @Inject
  public ApiRouters(ApiRouteTable table, Authenticator auth, AuditLog audit) {
    this.table = table;
    this.auth = auth;
    this.audit = audit;
  }

  public ApiRouter on(Javalin app) {
    return new ApiRouter(app, table, auth, audit);
  }
}
