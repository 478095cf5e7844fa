package fr.vigie.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself, before any route runs (a header section too large, a request line it cannot
 * parse): in the same JSON shape and with the same headers as every other answer, instead of Jetty's HTML page
 * (which can show the exception's message).
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(
            Request request, Response response, int status, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        HttpServer.SECURITY_HEADERS.forEach(response.getHeaders()::put);
        response.write(true, ByteBuffer.wrap(body(status)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        HttpServer.SECURITY_HEADERS.forEach(fields::put);
        return ByteBuffer.wrap(body(status));
    }

    private static byte[] body(int status) {
        String code = switch (status) {
            case 400 -> "bad_request";
            case 413 -> "too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            case 500 -> "internal";
            default -> "http_" + status;
        };
        return HttpServer.errorJson(
                code,
                "the HTTP request was refused before it was read (" + status + " " + HttpStatus.getMessage(status)
                        + ")");
    }
}
