package io.dunhub.hub.admin;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.dunhub.hub.admin.audit.AuditLog;
import io.dunhub.hub.admin.auth.AuthRoutes;
import io.dunhub.hub.admin.auth.Authenticator;
import io.dunhub.hub.admin.auth.LoginLimiter;
import io.dunhub.hub.admin.auth.LoginSessions;
import io.dunhub.hub.admin.auth.PasswordHasher;
import io.dunhub.hub.admin.auth.UserDirectory;
import io.dunhub.hub.admin.cases.CaseRoutes;
import io.dunhub.hub.admin.connection.ApiUsage;
import io.dunhub.hub.admin.connection.ConnectionChanges;
import io.dunhub.hub.admin.connection.ConnectionRoutes;
import io.dunhub.hub.admin.connection.StoredConnections;
import io.dunhub.hub.admin.connection.ThrottleApiUsage;
import io.dunhub.hub.admin.mapping.MappingChanges;
import io.dunhub.hub.admin.mapping.MappingFiles;
import io.dunhub.hub.admin.mapping.MappingRoutes;
import io.dunhub.hub.admin.outbox.OutboxRoutes;
import io.dunhub.hub.admin.party.PartyRoutes;
import io.dunhub.hub.admin.policy.PolicyChanges;
import io.dunhub.hub.admin.policy.PolicyFiles;
import io.dunhub.hub.admin.policy.PolicyRoutes;
import io.dunhub.hub.admin.report.ReportRoutes;
import io.dunhub.hub.admin.sync.SyncRoutes;
import io.dunhub.hub.admin.template.TemplateRoutes;
import io.dunhub.hub.config.AdminConfig;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.config.SchedulesConfig;
import io.dunhub.hub.crypto.SecretCipher;
import io.dunhub.hub.http.HttpModule;
import io.dunhub.hub.http.RoutePlugin;
import io.dunhub.hub.notice.NoticeRenderer;
import io.dunhub.hub.report.ReceivablesReports;
import io.dunhub.hub.store.Store;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The admin API: its routes on the hub's HTTP server, sign-in (admin token, users, login tokens,
 * rate limit), the audit log, and the reports. Side-effect free: nothing is read or opened until a
 * request needs it.
 */
public final class AdminModule extends AbstractModule {

  @Override
  protected void configure() {
    Multibinder<RoutePlugin> routes = HttpModule.routes(binder());
    routes.addBinding().to(AuthRoutes.class);
    routes.addBinding().to(OpenApiRoutes.class);
    routes.addBinding().to(ConnectionRoutes.class);
    routes.addBinding().to(SyncRoutes.class);
    routes.addBinding().to(PartyRoutes.class);
    routes.addBinding().to(CaseRoutes.class);
    routes.addBinding().to(OutboxRoutes.class);
    routes.addBinding().to(PolicyRoutes.class);
    routes.addBinding().to(MappingRoutes.class);
    routes.addBinding().to(TemplateRoutes.class);
    routes.addBinding().to(ReportRoutes.class);
    OptionalBinder.newOptionalBinder(binder(), ApiUsage.class)
        .setDefault()
        .to(ThrottleApiUsage.class);
    OptionalBinder.newOptionalBinder(binder(), ConnectionChanges.class)
        .setDefault()
        .toInstance(ConnectionChanges.NONE);
    OptionalBinder.newOptionalBinder(binder(), MappingChanges.class)
        .setDefault()
        .toInstance(MappingChanges.NONE);
    OptionalBinder.newOptionalBinder(binder(), PolicyChanges.class)
        .setDefault()
        .toInstance(PolicyChanges.NONE);
  }

  @Provides
  @Singleton
  static AdminConfig adminConfig(HubConfig config) {
    return config.admin();
  }

  @Provides
  @Singleton
  static PasswordHasher hasher() {
    return new PasswordHasher();
  }

  @Provides
  @Singleton
  static LoginSessions sessions(Store store, Clock clock, AdminConfig admin) {
    return new LoginSessions(store, clock, admin.sessionTtl(), new SecureRandom());
  }

  @Provides
  @Singleton
  static LoginLimiter limiter(Clock clock) {
    return LoginLimiter.standard(clock);
  }

  @Provides
  @Singleton
  static Authenticator authenticator(AdminConfig admin, LoginSessions sessions) {
    return new Authenticator(admin.token(), sessions);
  }

  @Provides
  @Singleton
  static UserDirectory users(AdminConfig admin, Store store, Clock clock, PasswordHasher hasher) {
    return new UserDirectory(admin, store, clock, hasher);
  }

  @Provides
  @Singleton
  static AuditLog audit(Store store, Clock clock) {
    return new AuditLog(store, clock);
  }

  @Provides
  @Singleton
  static StoredConnections storedConnections(Store store, Clock clock, SecretCipher cipher) {
    return new StoredConnections(store, clock, cipher);
  }

  @Provides
  @Singleton
  static PolicyFiles policyFiles(HubConfig config) {
    return new PolicyFiles(config.policiesDir(), new NoticeRenderer());
  }

  @Provides
  @Singleton
  static MappingFiles mappingFiles(HubConfig config) {
    return new MappingFiles(config.mappingsDir());
  }

  /** The reports, naming upcoming steps from the policies as they are on disk now. */
  @Provides
  static ReceivablesReports reports(
      Store store, Clock clock, SchedulesConfig schedules, PolicyFiles policies) {
    return new ReceivablesReports(store, clock, schedules.zone(), policies.current());
  }
}
