package io.dunhub.hub.dunning.cli;

import picocli.CommandLine.Command;

/** {@code dunhub dunning}: preview and simulate the dunning schedule. */
@Command(
    name = "dunning",
    description = "Preview and simulate the dunning schedule.",
    mixinStandardHelpOptions = true,
    subcommands = {PlanCommand.class, SimulateCommand.class})
public final class DunningCommand {}
