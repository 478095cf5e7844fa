package fr.vigie.cli;

/** What the privacy commands share. */
final class Subcommands {
    private Subcommands() {}

    /** Who runs a command, as the audit log names them: the operating-system account. */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
