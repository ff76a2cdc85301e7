package dev.auditsdk.cli;

/**
 * Configures slf4j-simple before the first logger exists: everything to stderr; level
 * {@code warn} by default, {@code debug} with {@code --verbose}, {@code error} with {@code --quiet}.
 * Explicit {@code -Dorg.slf4j.simpleLogger.*} settings other than the level are kept.
 */
final class LogSetup {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private LogSetup() {
    }

    static void configure(String[] args) {
        boolean verbose = false;
        boolean quiet = false;
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            verbose |= a.equals("-v") || a.equals("--verbose");
            quiet |= a.equals("-q") || a.equals("--quiet");
        }
        System.setProperty(PREFIX + "defaultLogLevel", verbose ? "debug" : quiet ? "error" : "warn");
        setIfAbsent("logFile", "System.err");
        setIfAbsent("showDateTime", String.valueOf(verbose));
        setIfAbsent("dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("showThreadName", String.valueOf(verbose));
        setIfAbsent("showShortLogName", "true");
        setIfAbsent("levelInBrackets", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
