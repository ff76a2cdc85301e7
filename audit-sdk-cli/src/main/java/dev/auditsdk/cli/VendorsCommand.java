package dev.auditsdk.cli;

import dev.auditsdk.registry.VendorOption;
import dev.auditsdk.registry.VendorPlugin;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code auditlog vendors}: the supported vendors and, for each option, its environment variable
 * and config-file key, its default, and whether it overrides an assumption (where the vendor
 * publishes nothing); then examples.
 */
@Command(name = "vendors", mixinStandardHelpOptions = true,
        description = "List the supported vendors and the options each needs.")
final class VendorsCommand implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec
    CommandSpec spec;

    VendorsCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<VendorPlugin> plugins = env.registry().all();
        if (plugins.isEmpty()) {
            out.println("No vendors are available in this build.");
            out.flush();
            return ExitCodes.OK;
        }
        out.println("Every option can also be set as an environment variable or as a key of a --config properties");
        out.println("file (both shown in brackets: [ENVIRONMENT_VARIABLE | config.key]); the command line wins over");
        out.println("the environment, the environment over the file. Prefer the environment for secrets. An option");
        out.println("marked 'assumption' overrides a guess the SDK makes where the vendor publishes nothing.");
        for (VendorPlugin p : plugins) {
            out.println();
            List<String> commands = new ArrayList<>(List.of("pull", "tail"));
            if (p.supportsExport()) {
                commands.add("export");
            }
            out.printf("%s - %s%n  commands: %s%n", p.name(), p.description(), String.join(", ", commands));
            for (VendorOption o : p.options()) {
                String left = o.longName() + (o.flag() ? "" : " " + o.label());
                List<String> tags = new ArrayList<>();
                if (o.required()) {
                    tags.add("required");
                }
                if (o.secret()) {
                    tags.add("secret");
                }
                o.defaultValue().ifPresent(d -> tags.add("default " + d));
                out.printf("  %-28s %s%s [%s | %s]%n", left, o.description(),
                        tags.isEmpty() ? "" : " (" + String.join(", ", tags) + ")", o.envVar(p.settingsPrefix()),
                        o.configKey(p.settingsPrefix()));
                o.assumption().ifPresent(a -> out.printf("  %-28s assumption: %s; override it with %s%n", "", a,
                        o.longName()));
            }
            for (String example : p.examples()) {
                out.println("  example: " + example);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
