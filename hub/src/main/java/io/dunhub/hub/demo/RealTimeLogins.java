package io.dunhub.hub.demo;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.dunhub.hub.admin.auth.LoginLimiter;
import io.dunhub.hub.admin.auth.LoginSessions;
import io.dunhub.hub.config.AdminConfig;
import io.dunhub.hub.store.Store;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Console logins on the wall clock: the demo's clock runs a day every few seconds, which would
 * expire a login token (and a login lock-out) within moments. Everything else keeps the demo clock.
 */
final class RealTimeLogins extends AbstractModule {

  @Provides
  @Singleton
  static LoginSessions sessions(Store store, AdminConfig admin) {
    return new LoginSessions(store, Clock.systemUTC(), admin.sessionTtl(), new SecureRandom());
  }

  @Provides
  @Singleton
  static LoginLimiter limiter() {
    return LoginLimiter.standard(Clock.systemUTC());
  }
}
