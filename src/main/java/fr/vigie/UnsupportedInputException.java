package fr.vigie;

/** The input is well-formed but not something Vigie handles (for example an unknown file kind). */
public final class UnsupportedInputException extends VigieException {
    public UnsupportedInputException(String message) {
        super(message);
    }
}
