package io.dunhub.hub.tracking;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.crypto.SecretCipher;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import io.dunhub.hub.http.HttpModule;
import io.dunhub.hub.notice.TrackingLinks;
import io.dunhub.hub.runtime.DunningRuntimes;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The routes behind the links in notices ({@link TrackingRoutes}): tracked clicks, the open pixel
 * and unsubscribe. Free of side effects: the links' key and the store are reached on first use.
 */
public final class TrackingModule extends AbstractModule {

  @Override
  protected void configure() {
    HttpModule.routes(binder()).addBinding().to(TrackingRoutes.class);
  }

  @Provides
  @Singleton
  static TrackingRoutes routes(
      HubConfig config,
      Provider<SecretCipher> cipher,
      Provider<DunningRuntime> runtime,
      Clock clock) {
    return new TrackingRoutes(
        memo(() -> new TrackingLinks(config.linkBase(), DunningRuntimes.linkKey(cipher.get()))),
        memo(() -> new TrackedMessages(runtime.get().store(), clock, runtime.get().outbox())));
  }

  private static <T> java.util.function.Supplier<T> memo(java.util.function.Supplier<T> s) {
    return new java.util.function.Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          synchronized (this) {
            v = value;
            if (v == null) {
              value = v = s.get();
            }
          }
        }
        return v;
      }
    };
  }
}
