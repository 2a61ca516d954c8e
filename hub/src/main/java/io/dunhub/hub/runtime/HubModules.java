package io.dunhub.hub.runtime;

import com.google.inject.Module;
import io.dunhub.hub.admin.AdminModule;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.http.HttpModule;
import io.dunhub.hub.tracking.TrackingModule;
import io.dunhub.hub.webhook.WebhookModule;
import java.util.List;

/**
 * Every feature module of the hub, in one list. A new feature (sync, dunning, outbox, admin API)
 * adds its module here, one line. Each module is fast and free of side effects: starting things
 * happens in a {@link Service}'s {@code start()}.
 */
public final class HubModules {

  private HubModules() {}

  /** The feature modules for a validated config and this process's scheduler node name. */
  public static List<Module> features(HubConfig config, String nodeName) {
    return List.of(
        new ConfigModule(config),
        new StoreModule(),
        new SchedulerModule(nodeName),
        new SyncModule(),
        new DunningModule(),
        new HttpModule(),
        new WebhookModule(),
        new TrackingModule(),
        new AdminModule());
  }
}
