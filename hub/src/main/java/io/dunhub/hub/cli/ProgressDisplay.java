package io.dunhub.hub.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how long-running work goes: a progress bar per task when standard output is a terminal, one
 * plain log line per step when it is not (a pipe, a file, CI), so logs stay readable.
 */
public interface ProgressDisplay extends AutoCloseable {

  /** A task (e.g. {@code books/Invoice}) starts. */
  void started(String task);

  /** A task advanced by {@code step} items, {@code done} so far. */
  void advanced(String task, long step, long done);

  /** A task ended; {@code summary} says how. */
  void finished(String task, String summary);

  @Override
  void close();

  /** The display for this output: bars on a terminal, log lines elsewhere. */
  static ProgressDisplay forOutput(boolean terminal, PrintStream terminalOut) {
    return terminal ? new Bars(terminalOut) : new LogLines();
  }

  /** Progress bars on a terminal (me.tongfei progressbar). */
  final class Bars implements ProgressDisplay {
    private final PrintStream out;
    private final Map<String, ProgressBar> bars = new LinkedHashMap<>();

    Bars(PrintStream out) {
      this.out = out;
    }

    @Override
    public synchronized void started(String task) {
      bars.computeIfAbsent(
          task,
          t ->
              new ProgressBarBuilder()
                  .setTaskName(t)
                  .setInitialMax(-1)
                  .setUnit(" records", 1)
                  .showSpeed()
                  .setStyle(ProgressBarStyle.ASCII)
                  .setConsumer(new ConsoleProgressBarConsumer(out))
                  .build());
    }

    @Override
    public synchronized void advanced(String task, long step, long done) {
      started(task);
      bars.get(task).stepTo(done);
    }

    @Override
    public synchronized void finished(String task, String summary) {
      ProgressBar bar = bars.remove(task);
      if (bar != null) {
        bar.setExtraMessage(" " + summary);
        bar.close();
      }
    }

    @Override
    public synchronized void close() {
      bars.values().forEach(ProgressBar::close);
      bars.clear();
    }
  }

  /** One log line per step, for output that is not a terminal. */
  final class LogLines implements ProgressDisplay {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressDisplay.class);

    @Override
    public void started(String task) {
      LOG.info("{} started", task);
    }

    @Override
    public void advanced(String task, long step, long done) {
      LOG.info("{}: {} records ({} so far)", task, step, done);
    }

    @Override
    public void finished(String task, String summary) {
      LOG.info("{} finished: {}", task, summary);
    }

    @Override
    public void close() {}
  }
}
