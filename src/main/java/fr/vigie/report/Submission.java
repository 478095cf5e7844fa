package fr.vigie.report;

/**
 * What the person who submitted a report receives: its id and the private follow-up token that opens it.
 *
 * @param duplicate true when the same fields and bytes had already been submitted: the id and token are the first
 *     submission's
 */
public record Submission(String id, String token, boolean duplicate) {
    @Override
    public String toString() {
        return "Submission[id=" + id + ", duplicate=" + duplicate + "]"; // never the token in a log line
    }
}
