package dev.auditsdk.cli;

import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorSettingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code auditlog check} without a vendor: with {@code --config FILE}, checks every vendor the
 * file has settings for ({@code <vendor>.<option>=...} keys), one after the other, and exits with
 * the code of the first that failed; without it, asks for a vendor.
 */
@Command(synopsisSubcommandLabel = "<vendor>", mixinStandardHelpOptions = true)
final class CheckGroup implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path config = ((Auditlog) spec.root().userObject()).global.config();
        if (config == null) {
            throw new ParameterException(spec.commandLine(), "missing vendor: auditlog check <vendor> [options],"
                    + " or auditlog check --config FILE for every vendor in FILE; vendors: "
                    + String.join(", ", spec.subcommands().keySet()));
        }
        List<String> named = vendorsIn(config);
        if (named.isEmpty()) {
            throw new VendorSettingException("--config " + config + ": no vendor settings (<vendor>.<option>=value) to check");
        }
        int first = ExitCodes.OK;
        for (String name : named) {
            CommandLine vendor = spec.commandLine().getSubcommands().get(name);
            int code = ((CheckCommand) vendor.getCommand()).call();
            if (first == ExitCodes.OK) {
                first = code;
            }
        }
        return first;
    }

    /** @return the vendors with a key in the file, in the order of {@code auditlog vendors} */
    private List<String> vendorsIn(Path config) {
        Properties props = SettingsResolver.properties(config);
        List<String> out = new ArrayList<>();
        for (CommandLine sub : spec.commandLine().getSubcommands().values()) {
            if (!(sub.getCommand() instanceof CheckCommand) || out.contains(sub.getCommandName())) {
                continue;
            }
            VendorPlugin plugin = ((CheckCommand) sub.getCommand()).plugin;
            String prefix = plugin.settingsPrefix() + ".";
            if (props.stringPropertyNames().stream().anyMatch(k -> k.startsWith(prefix))) {
                out.add(sub.getCommandName());
            }
        }
        return out;
    }
}
