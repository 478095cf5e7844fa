package fr.vigie.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.vigie.app.Reports;
import fr.vigie.report.Contact;
import fr.vigie.store.Subjects;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * Requests from data subjects, for the data protection officer: {@code POST /api/subjects/{find,export,rectify,erase}}
 * with a urlencoded form naming the subject ({@code by} = email, phone or report, and {@code value}) and the
 * {@code reason} kept in the audit log. Only the dpo role reaches them (permissions.tsv); the audit names who.
 */
final class SubjectsHandler {
    private final Reports reports;

    SubjectsHandler(Reports reports) {
        this.reports = reports;
    }

    /** {@code POST /api/subjects/find}: the ids of the subject's reports. */
    void find(Context ctx) {
        List<String> found = subject(ctx);
        reports.store().audit().record(actor(ctx), "subject.find", null, reason(ctx));
        var node = JsonNodeFactory.instance.objectNode();
        var ids = node.putArray("reports");
        found.forEach(ids::add);
        HttpServer.json(ctx, 200, node.toString());
    }

    /** {@code POST /api/subjects/export}: one zip of everything held about the subject (subject.json, evidence/). */
    void export(Context ctx) {
        List<String> found = subject(ctx);
        byte[] zip = reports.store().subjects().export(found, actor(ctx), reason(ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"subject-export.zip\"");
        ctx.status(200).contentType("application/zip").result(zip);
    }

    /** {@code POST /api/subjects/rectify}: new {@code name}, {@code email} or {@code phone}; the others stay. */
    void rectify(Context ctx) {
        List<String> found = subject(ctx);
        Contact changes = new Contact(field(ctx, "name"), field(ctx, "email"), field(ctx, "phone"));
        if (changes.isEmpty()) {
            throw new HttpError(400, "nothing_to_rectify", "send name, email or phone with the new value");
        }
        int changed = reports.store().subjects().rectify(found, changes, actor(ctx), reason(ctx));
        var node = JsonNodeFactory.instance.objectNode();
        node.put("changed", changed);
        HttpServer.json(ctx, 200, node.toString());
    }

    /** {@code POST /api/subjects/erase}: the subject's reports become tombstones, except those under legal hold. */
    void erase(Context ctx) {
        List<String> found = subject(ctx);
        Subjects.Erasure erasure = reports.erase(found, actor(ctx), reason(ctx));
        var node = JsonNodeFactory.instance.objectNode();
        var erased = node.putArray("erased");
        erasure.erased().forEach(erased::add);
        var held = node.putArray("held");
        erasure.held().forEach(held::add);
        HttpServer.json(ctx, 200, node.toString());
    }

    private static String actor(Context ctx) {
        return AccessGate.principal(ctx).actor();
    }

    /** The subject's reports; 404 when none is found (the same answer whatever was asked). */
    private List<String> subject(Context ctx) {
        if (!"application/x-www-form-urlencoded"
                .equals(CheckHandler.mediaType(ctx.header("Content-Type") == null ? "" : ctx.header("Content-Type")))) {
            throw new HttpError(
                    415, "unsupported_media_type", "send application/x-www-form-urlencoded: by, value, reason");
        }
        Subjects.By by = Subjects.By.fromId(String.valueOf(ctx.formParam("by")))
                .orElseThrow(() -> new HttpError(400, "bad_by", "by must be email, phone or report"));
        String value = field(ctx, "value").orElseThrow(() -> new HttpError(400, "bad_value", "value is required"));
        reason(ctx);
        List<String> found = reports.store().subjects().find(by, value);
        if (found.isEmpty()) {
            throw new HttpError(404, "no_such_subject", "no report matches this data subject");
        }
        return found;
    }

    private static String reason(Context ctx) {
        String reason = field(ctx, "reason")
                .orElseThrow(() -> new HttpError(400, "reason_required", "a reason is required; it is audited"));
        if (reason.length() > 2000) {
            throw new HttpError(400, "bad_reason", "reason is longer than 2000 characters");
        }
        return reason;
    }

    private static Optional<String> field(Context ctx, String name) {
        String value;
        try {
            value = ctx.formParam(name);
        } catch (RuntimeException e) {
            throw new HttpError(400, "bad_form", "the form body is malformed");
        }
        if (value != null && value.length() > 2000) {
            throw new HttpError(400, "bad_" + name, name + " is too long");
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
