package io.dunhub.core.mapping;

import java.util.List;

/** What became of mapping one host record: a canonical record, a skip, or a failure. */
public sealed interface MappingResult {

  /**
   * The canonical record ({@code Party}, {@code Contact}, {@code Invoice} or {@code Payment}) and
   * any warnings (a value defaulted, a flag raised).
   */
  record Mapped(Object canonical, List<String> warnings) implements MappingResult {
    public Mapped {
      warnings = List.copyOf(warnings);
    }
  }

  /** The mapping's filters leave this record out (a draft invoice, another subsidiary). */
  record Skipped(String reason) implements MappingResult {}

  /**
   * The record cannot be mapped. The sync parks it with this reason and retries it later; it never
   * stops the sync.
   *
   * @param rule the rule that failed (its canonical field, and file:line when it came from a file)
   * @param value the host value that failed, as text (never a secret)
   */
  record Failed(String rule, String value, String reason) implements MappingResult {
    @Override
    public String toString() {
      return rule + ": " + reason + " (value: " + value + ")";
    }
  }
}
