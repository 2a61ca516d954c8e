package io.dunhub.hub.bench;

import io.dunhub.core.secret.Secret;
import io.dunhub.hub.store.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the benchmarks share: throw-away PostgreSQL databases and embedded store folders, and the
 * heap peak.
 */
public final class BenchSupport {

  private BenchSupport() {}

  /** Resets the heap pools' peaks, after a collection when {@code collectFirst}. */
  static void resetPeakHeap(boolean collectFirst) {
    if (collectFirst) {
      System.gc();
    }
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks since the last reset (an upper bound of the peak). */
  static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /**
   * Waits until the JIT compilers have finished no compilation for {@code quiet} (the JVM's total
   * compilation time stopped growing), at most {@code atMost}: after a warm-up, so that a timed run
   * does not share the cores with compiling what the warm-up made hot, as a running hub's later
   * runs do not.
   *
   * @return how long it waited, or {@code null} if this JVM does not report compilation time
   */
  static java.time.Duration awaitCompilerIdle(java.time.Duration quiet, java.time.Duration atMost) {
    java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      return null;
    }
    long start = System.nanoTime();
    long last = jit.getTotalCompilationTime();
    long lastChange = start;
    while (System.nanoTime() - start < atMost.toNanos()
        && System.nanoTime() - lastChange < quiet.toNanos()) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long total = jit.getTotalCompilationTime();
      if (total != last) {
        last = total;
        lastChange = System.nanoTime();
      }
    }
    return java.time.Duration.ofNanos(System.nanoTime() - start);
  }

  /** The store settings of {@code database} on the server {@code adminUrl} points at. */
  static StoreSettings postgres(String adminUrl, String database) {
    String url = adminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
    return new StoreSettings(url, user(adminUrl), Secret.of(""), 10);
  }

  private static String user(String url) {
    int at = url.indexOf("user=");
    if (at < 0) {
      return "postgres";
    }
    int end = url.indexOf('&', at);
    return url.substring(at + 5, end < 0 ? url.length() : end);
  }

  /** Creates an empty database {@code dunhub_bench_<purpose>_<random>} and returns its name. */
  static String createDatabase(String adminUrl, String purpose) {
    String name = "dunhub_bench_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
    admin(adminUrl, "CREATE DATABASE " + name);
    return name;
  }

  static void dropDatabase(String adminUrl, String name) {
    admin(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void admin(String adminUrl, String sql) {
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed at " + adminUrl + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a folder and everything in it, if it exists. */
  public static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
