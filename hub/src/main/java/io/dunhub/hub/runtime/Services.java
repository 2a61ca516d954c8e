package io.dunhub.hub.runtime;

import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the hub's services in phase order and stops them in reverse. If one fails to start, the
 * ones already started are stopped and the failure is thrown.
 */
public final class Services implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Services.class);

  private final List<Service> all;
  private final Deque<Service> started = new ArrayDeque<>();

  @Inject
  public Services(Set<Service> services) {
    List<Service> sorted = new ArrayList<>(services);
    sorted.sort(Comparator.comparingInt(Service::phase).thenComparing(Service::name));
    this.all = List.copyOf(sorted);
  }

  /** Every service, in start order. */
  public List<Service> all() {
    return all;
  }

  /** Starts every service. */
  public void startAll() {
    start(s -> true);
  }

  /** Starts the services that match, e.g. only the store for a one-off command. */
  public synchronized void start(Predicate<Service> which) {
    for (Service service : all) {
      if (!which.test(service) || started.contains(service)) {
        continue;
      }
      long begin = System.nanoTime();
      try {
        service.start();
      } catch (Exception e) {
        stopAll();
        throw new ServiceException(service.name(), e);
      }
      started.push(service);
      LOG.info("started {} in {} ms", service.name(), (System.nanoTime() - begin) / 1_000_000);
    }
  }

  /** Stops what was started, in reverse order; errors are logged, not thrown. */
  public synchronized void stopAll() {
    while (!started.isEmpty()) {
      Service service = started.pop();
      try {
        service.stop();
        LOG.info("stopped {}", service.name());
      } catch (RuntimeException e) {
        LOG.warn("{} did not stop cleanly", service.name(), e);
      }
    }
  }

  @Override
  public void close() {
    stopAll();
  }
}
