package io.dunhub.core.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What loading a set of mapping folders produced: every compiled mapping and every problem, with
 * file, line and column. A file with an error is left out; the others are usable.
 */
public record MappingSet(List<Mapping> mappings, List<MappingProblem> problems) {

  public MappingSet {
    mappings = List.copyOf(mappings);
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(MappingProblem::isError);
  }

  public List<MappingProblem> errors() {
    return problems.stream().filter(MappingProblem::isError).toList();
  }

  public List<MappingProblem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  /** The mapping of one host object of one system. */
  public Optional<Mapping> find(String system, String hostObject) {
    return mappings.stream()
        .filter(m -> m.system().equalsIgnoreCase(system) && m.hostObject().equals(hostObject))
        .findFirst();
  }

  /** The enabled mappings of one system, in file order. */
  public List<Mapping> forSystem(String system) {
    String s = system.toLowerCase(Locale.ROOT);
    return mappings.stream().filter(m -> m.system().equals(s) && m.enabled()).toList();
  }

  /** The enabled inbound mapping of one host object. */
  public Optional<InboundMapping> inbound(String system, String hostObject) {
    return find(system, hostObject)
        .filter(m -> m.enabled() && m.direction().inbound())
        .map(m -> (InboundMapping) m);
  }

  /** The enabled outbound mapping of one host object. */
  public Optional<OutboundMapping> outbound(String system, String hostObject) {
    return find(system, hostObject)
        .filter(m -> m.enabled() && m.direction().outbound())
        .map(m -> (OutboundMapping) m);
  }
}
