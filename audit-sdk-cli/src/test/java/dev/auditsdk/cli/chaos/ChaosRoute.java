package dev.auditsdk.cli.chaos;

/** How a chaos case reads its API: through the SDK in-process, or through the {@code auditlog} command. */
enum ChaosRoute {
    /** {@code source.fetch(query)}, with the suite's short timeouts and backoffs. */
    SDK("sdk"),
    /** {@code auditlog pull <vendor>} (or {@code export boomi}) to a file, in-process, with the CLI's defaults. */
    CLI("cli");

    final String id;

    ChaosRoute(String id) {
        this.id = id;
    }

    @Override
    public String toString() {
        return id;
    }
}
