package io.dunhub.hub.admin;

import io.dunhub.hub.admin.auth.Access;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every admin API route the server registered, with its access level (for tests and docs). */
@Singleton
public final class ApiRouteTable {

  /** One route: {@code GET /api/cases/{id}}. */
  public record Route(String method, String path, Access access) {}

  private final Set<Route> routes = new LinkedHashSet<>();

  synchronized void add(String method, String path, Access access) {
    routes.add(new Route(method, path, access));
  }

  public synchronized List<Route> routes() {
    List<Route> list = new ArrayList<>(routes);
    list.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
    return list;
  }
}
