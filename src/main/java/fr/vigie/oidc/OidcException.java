package fr.vigie.oidc;

import fr.vigie.VigieException;

/** A sign-in through the provider failed; {@link #problem()} says why. The message never carries a token. */
public final class OidcException extends VigieException {
    private final OidcProblem problem;

    public OidcException(OidcProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public OidcProblem problem() {
        return problem;
    }
}
