package fr.vigie.cli;

/** What the privacy commands share. */
final class Subcommands {
    private Subcommands() {}

    /**
     * Who runs a command, as the audit log names them: the API key's service account the gate let in, or the
     * operating-system account for a command open to anyone ({@link CommandGate}).
     */
    static String actor() {
        return CommandGate.actor();
    }
}
