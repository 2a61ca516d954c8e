package io.dunhub.core.mapping.internal;

import io.dunhub.core.mapping.MappingProblem;
import io.dunhub.core.mapping.MappingProblem.Severity;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a load, so all are reported at once. */
public final class Problems {
  private final List<MappingProblem> list = new ArrayList<>();

  public void error(Where where, String message) {
    add(Severity.ERROR, where, message);
  }

  public void warning(Where where, String message) {
    add(Severity.WARNING, where, message);
  }

  private void add(Severity severity, Where where, String message) {
    MappingProblem p =
        new MappingProblem(severity, where.file(), where.line(), where.column(), message);
    if (!list.contains(p)) {
      list.add(p);
    }
  }

  /** Whether an error has been reported in {@code file}. */
  public boolean hasErrorIn(String file) {
    return list.stream().anyMatch(p -> p.isError() && p.file().equals(file));
  }

  public List<MappingProblem> all() {
    List<MappingProblem> sorted = new ArrayList<>(list);
    sorted.sort(
        java.util.Comparator.comparing(MappingProblem::file)
            .thenComparingInt(MappingProblem::line)
            .thenComparingInt(MappingProblem::column));
    return sorted;
  }
}
