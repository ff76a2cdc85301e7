package dev.auditsdk.cli;

import dev.auditsdk.registry.VendorOption;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.core.spi.util.SdkVersion;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code auditlog} command: reads the audit logs of Boomi, Sonatype Lifecycle, Informatica,
 * Jitterbit and UiPath from a terminal. {@link #run} executes one command line in-process and
 * returns its exit code (see {@link ExitCodes}).
 */
@Command(name = "auditlog", mixinStandardHelpOptions = true, versionProvider = Auditlog.Version.class,
        usageHelpAutoWidth = true,
        description = {"Read vendor audit logs without losing or repeating an entry.", "",
            "Start with 'auditlog demo' (no network, no credentials), then 'auditlog vendors'."},
        footer = {"", "Exit codes: 0 ok, 2 usage, 3 authentication/authorization, 4 vendor API error,"
                + " 5 malformed vendor data, 6 network, 130 stopped by a signal (checkpoint saved)."})
public final class Auditlog implements Runnable {
    @Mixin
    GlobalOptions global;
    @Spec
    CommandSpec spec;

    private Auditlog() {
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: vendors, pull, tail, export, check or demo");
    }

    /**
     * Runs one command line.
     *
     * @param env the streams, environment, terminal and vendors of this run
     * @param args the arguments after {@code auditlog}
     * @return the exit code
     */
    public static int run(CliEnvironment env, String... args) {
        // secrets in the environment are hidden from stderr before anything can print them
        for (VendorPlugin p : env.registry().all()) {
            for (VendorOption o : p.options()) {
                if (o.secret()) {
                    env.redactor().add(env.env().get(o.envVar(p.settingsPrefix())));
                }
            }
        }
        CommandLine cmd = commandLine(env);
        int code = cmd.execute(args);
        cmd.getOut().flush();
        cmd.getErr().flush();
        return code;
    }

    /**
     * Builds the command tree: the fixed commands plus {@code pull}, {@code tail} and
     * {@code export} with one subcommand per vendor, whose options come from its plugin.
     *
     * @param env the run's environment
     * @return the command line, ready to execute
     */
    public static CommandLine commandLine(CliEnvironment env) {
        Auditlog root = new Auditlog();
        CommandLine cmd = new CommandLine(root);
        cmd.addSubcommand(new CommandLine(new VendorsCommand(env)));
        cmd.addSubcommand(group("pull", "Read a range once and write it; continue after a --checkpoint.",
                env, env.registry().all(), PullCommand::new));
        cmd.addSubcommand(group("tail", "Poll a vendor forever, writing new entries and keeping a --checkpoint;"
                + " stop with Ctrl-C or SIGTERM. With --config and no vendor, every stream the file lists.",
                new CommandLine(new TailGroup(env)), env, env.registry().all(), TailCommand::new));
        cmd.addSubcommand(group("export", "Bulk-export a range through the vendor's export API.", env,
                env.registry().all().stream().filter(VendorPlugin::supportsExport).collect(Collectors.toList()),
                ExportCommand::new));
        cmd.addSubcommand(group("check", "Check settings, sign-in and read access to the audit log, without writing an"
                + " entry; with --config and no vendor, every vendor in the file.", new CommandLine(new CheckGroup()), env,
                env.registry().all(), CheckCommand::new));
        cmd.addSubcommand(new CommandLine(new DemoCommand(env)));
        cmd.addSubcommand(new CommandLine(new HelpCommand()));
        cmd.registerConverter(Instant.class, new TimeArgument(env.clock()));
        cmd.registerConverter(Duration.class, new DurationArgument());
        cmd.setOut(new PrintWriter(new OutputStreamWriter(new RedactingOutputStream(new NonClosing(env.stdout()),
                env.redactor()), StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(env.stderr(), StandardCharsets.UTF_8), true));
        cmd.setParameterExceptionHandler(Auditlog::usageError);
        cmd.setExecutionExceptionHandler((ex, failed, parsed) -> failure(ex, failed, root));
        return cmd;
    }

    private static CommandLine group(String name, String description, CliEnvironment env, List<VendorPlugin> plugins,
            BiFunction<VendorPlugin, CliEnvironment, VendorCommand> factory) {
        return group(name, description, new CommandLine(new VendorGroup(name)), env, plugins, factory);
    }

    private static CommandLine group(String name, String description, CommandLine group, CliEnvironment env,
            List<VendorPlugin> plugins, BiFunction<VendorPlugin, CliEnvironment, VendorCommand> factory) {
        CommandSpec spec = group.getCommandSpec();
        spec.name(name);
        spec.usageMessage().description(description, "", "Vendors: " + (plugins.isEmpty() ? "none in this build"
                : plugins.stream().map(VendorPlugin::name).collect(Collectors.joining(", "))) + ". See 'auditlog vendors'.");
        for (VendorPlugin plugin : plugins) {
            CommandSpec vendor = CommandSpec.forAnnotatedObject(factory.apply(plugin, env));
            vendor.name(plugin.name());
            vendor.usageMessage().description(plugin.description());
            for (VendorOption o : plugin.options()) {
                vendor.addOption(SettingsResolver.optionSpec(plugin, o));
            }
            group.addSubcommand(plugin.name(), new CommandLine(vendor));
        }
        return group;
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = ex.getMessage();
        if (ex instanceof UnmatchedArgumentException
                && (cmd.getCommand() instanceof VendorGroup || cmd.getCommand() instanceof CheckGroup
                        || cmd.getCommand() instanceof TailGroup)
                && !((UnmatchedArgumentException) ex).getUnmatched().isEmpty()
                && !((UnmatchedArgumentException) ex).getUnmatched().get(0).startsWith("-")) {
            message = "unknown vendor '" + ((UnmatchedArgumentException) ex).getUnmatched().get(0) + "' for "
                    + cmd.getCommandName() + "; known: " + String.join(", ", cmd.getSubcommands().keySet());
        }
        err.println("auditlog: " + message);
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int failure(Exception ex, CommandLine failed, Auditlog root) {
        PrintWriter err = failed.getErr();
        Object command = failed.getCommand();
        VendorCommand vc = command instanceof VendorCommand ? (VendorCommand) command : null;
        if (root.global.verbose()) {
            ex.printStackTrace(err);
        }
        err.println(ErrorReporter.message(ex, vc == null ? null : vc.plugin, vc == null ? null : vc.settings));
        err.flush();
        return ErrorReporter.exitCode(ex);
    }

    /** {@code auditlog pull}, {@code tail} or {@code export} without a vendor. */
    @Command(synopsisSubcommandLabel = "<vendor>", mixinStandardHelpOptions = true)
    static final class VendorGroup implements Runnable {
        private final String name;
        @Spec
        CommandSpec spec;

        VendorGroup(String name) {
            this.name = name;
        }

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "missing vendor: auditlog " + name + " <vendor> [options]"
                    + "; vendors: " + (spec.subcommands().isEmpty() ? "none" : String.join(", ", spec.subcommands().keySet())));
        }
    }

    /** Keeps picocli's writer from closing stdout. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }

    /** The version shown by {@code --version}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"auditlog " + SdkVersion.get() + " (audit-sdk, Java " + System.getProperty("java.version") + ")"};
        }
    }
}
