package io.dunhub.hub.runtime;

/**
 * Something the hub starts and stops: the store, the scheduler, the HTTP server. Constructing a
 * service does no I/O; {@link #start()} does. Contribute one with {@code
 * Multibinder.newSetBinder(binder(), Service.class).addBinding().to(MyService.class)}.
 */
public interface Service {

  /** Started in ascending phase order and stopped in descending order. */
  int STORE_PHASE = 0;

  int SCHEDULER_PHASE = 100;
  int HTTP_PHASE = 200;

  /** A short name for logs: {@code store}, {@code scheduler}, {@code http}. */
  String name();

  /** Services with a lower phase start first and stop last. */
  int phase();

  void start() throws Exception;

  /** Stops; must be safe to call when {@link #start()} failed or never ran. */
  void stop();
}
