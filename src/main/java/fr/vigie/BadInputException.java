package fr.vigie;

/** The input bytes are broken or over a limit: the sender of the input must fix them. */
public final class BadInputException extends VigieException {
    private final String code;

    /**
     * @param code a stable machine-readable code, e.g. {@code limit.maxHeaderBytes} or {@code binary}
     * @param message a plain-English explanation naming the problem (no message text)
     */
    public BadInputException(String code, String message) {
        super(message);
        this.code = code;
    }

    public BadInputException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
