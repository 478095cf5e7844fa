package fr.vigie;

/**
 * The one unchecked root of Vigie's errors. Subclasses say who must fix the problem: the sender of the input
 * ({@link BadInputException}, {@link UnsupportedInputException}) or whoever edits Vigie's own data files
 * ({@link InvalidDataFileException}). Messages carry names, limits, ids and hashes, never message text.
 */
public class VigieException extends RuntimeException {
    public VigieException(String message) {
        super(message);
    }

    public VigieException(String message, Throwable cause) {
        super(message, cause);
    }
}
