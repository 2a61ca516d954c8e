package io.dunhub.hub.cli;

import io.dunhub.core.mapping.MappingProblem;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.hub.config.ConfigError;
import io.dunhub.hub.config.ConfigLoader;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.dunning.policy.PolicyException;
import io.dunhub.hub.dunning.policy.PolicyLoader;
import io.dunhub.hub.dunning.policy.PolicyProblem;
import io.dunhub.hub.notice.NoticeRenderer;
import io.dunhub.hub.runtime.HubMappings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dunhub config ...}: work with the config file. */
@Command(
    name = "config",
    description = "Check the config file.",
    subcommands = {ConfigCommand.Validate.class})
public final class ConfigCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }

  /** {@code dunhub config validate}. */
  @Command(
      name = "validate",
      description =
          "Check the config file (and its mappings) and print every problem with"
              + " file:line:column; exits 3 when there is any.")
  public static final class Validate implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      DunhubCommand root = DunhubCommand.from(spec);
      PrintWriter out = root.out();
      ConfigLoader loader = root.context().launcher().configLoader();
      List<ConfigError> errors = loader.validate(root.configFile());
      if (!errors.isEmpty()) {
        for (ConfigError error : errors) {
          out.println(error.format());
        }
        out.println(
            errors.size()
                + (errors.size() == 1 ? " problem" : " problems")
                + " in "
                + root.configFile());
        out.flush();
        return ExitCodes.CONFIG_INVALID;
      }
      HubConfig config = loader.load(root.configFile());
      MappingSet mappings = HubMappings.load(config);
      if (mappings.hasErrors()) {
        for (MappingProblem problem : mappings.errors()) {
          out.println(problem);
        }
        out.println(
            mappings.errors().size()
                + " problem(s) in the mappings "
                + config.mappingsDir().map(d -> "in " + d).orElse("(built-in)"));
        out.flush();
        return ExitCodes.CONFIG_INVALID;
      }
      if (config.policiesDir().isPresent()) {
        Path dir = config.policiesDir().get();
        try {
          new PolicyLoader(new NoticeRenderer()::exists).loadDirectory(dir);
        } catch (PolicyException e) {
          for (PolicyProblem problem : e.problems()) {
            out.println(problem);
          }
          out.println(e.problems().size() + " problem(s) in the dunning policies in " + dir);
          out.flush();
          return ExitCodes.CONFIG_INVALID;
        }
      }
      out.println(root.configFile() + " is valid.");
      ConfigSummary.print(config, out);
      out.flush();
      return ExitCodes.OK;
    }
  }
}
