package fr.vigie.http;

/**
 * A request the server refuses, with the status, the stable code and the human sentence the client receives as
 * {@code {"error": code, "detail": detail}}. The detail is written by us, never taken from an exception or from the
 * request, so nothing internal or personal is echoed.
 */
final class HttpError extends RuntimeException {
    private final int status;
    private final String code;

    HttpError(int status, String code, String detail) {
        super(detail, null, false, false); // an expected answer, not a bug: no stack trace to fill
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
