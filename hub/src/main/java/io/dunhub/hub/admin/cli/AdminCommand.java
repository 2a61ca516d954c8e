package io.dunhub.hub.admin.cli;

import io.dunhub.hub.admin.auth.PasswordHasher;
import io.dunhub.hub.admin.auth.Role;
import io.dunhub.hub.admin.auth.UserDirectory;
import io.dunhub.hub.cli.DunhubCommand;
import io.dunhub.hub.runtime.Hub;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dunhub admin}: hash a password for the config, add a user to the store. */
@Command(
    name = "admin",
    description = "Manage who may use the admin API and console.",
    mixinStandardHelpOptions = true,
    subcommands = {AdminCommand.HashPassword.class, AdminCommand.AddUser.class})
public final class AdminCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  /** Reads one line from standard input: the password (never an argument, so never in history). */
  static String readPassword() throws IOException {
    java.io.Console console = System.console();
    if (console != null) {
      char[] p = console.readPassword("Password: ");
      return p == null ? "" : new String(p);
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    return line == null ? "" : line;
  }

  /** {@code dunhub admin hash-password}: prints the bcrypt hash for {@code admin.users}. */
  @Command(
      name = "hash-password",
      description =
          "Read a password from standard input and print its bcrypt hash for admin.users in the"
              + " config.",
      mixinStandardHelpOptions = true)
  static final class HashPassword implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      String password = readPassword();
      if (password.length() < 8) {
        spec.commandLine().getErr().println("a password needs at least 8 characters");
        return 1;
      }
      out.println(new PasswordHasher().hash(password));
      out.flush();
      return 0;
    }
  }

  /** {@code dunhub admin add-user NAME --role R}: stores a user (password from stdin). */
  @Command(
      name = "add-user",
      description =
          "Add (or replace) a user in the store; the password is read from standard input.",
      mixinStandardHelpOptions = true)
  static final class AddUser implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The user name.")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "admin, collector or read-only.")
    String role;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      Role r = Role.of(role).orElse(null);
      if (r == null) {
        err.println("--role must be admin, collector or read-only, got '" + role + "'");
        return 2;
      }
      String password = readPassword();
      if (password.length() < 8) {
        err.println("a password needs at least 8 characters");
        return 1;
      }
      try (Hub hub = DunhubCommand.from(spec).openHub()) {
        hub.startStore();
        hub.get(UserDirectory.class).save(name, r, password);
      }
      spec.commandLine().getOut().println("user " + name + " (" + r.label() + ") saved");
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
