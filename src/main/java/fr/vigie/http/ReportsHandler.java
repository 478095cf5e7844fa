package fr.vigie.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import fr.vigie.access.AuditSink;
import fr.vigie.access.Principal;
import fr.vigie.app.App;
import fr.vigie.app.Dossiers;
import fr.vigie.app.Reports;
import fr.vigie.dossier.CampaignDossier;
import fr.vigie.dossier.VictimDossier;
import fr.vigie.i18n.Lang;
import fr.vigie.identifier.Identifiers;
import fr.vigie.link.Explanations;
import fr.vigie.link.Linker;
import fr.vigie.link.NeverReason;
import fr.vigie.orient.Priority;
import fr.vigie.orient.PriorityPolicy;
import fr.vigie.orient.Router;
import fr.vigie.render.IndicatorJson;
import fr.vigie.report.Contact;
import fr.vigie.report.EvidenceFile;
import fr.vigie.report.ReportForm;
import fr.vigie.report.ReportSummary;
import fr.vigie.report.Status;
import fr.vigie.report.Submission;
import fr.vigie.store.ReportFilter;
import fr.vigie.store.Store;
import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The report routes. Who may call each is decided before they run ({@link AccessGate}, from the authorization
 * table); a victim opens their report with the follow-up token received at submission ({@code Authorization: Bearer
 * TOKEN}), checked here against the report in the path. An unknown id and a wrong token get the same answer, so ids
 * cannot be probed. A reporter's identity leaves only through {@link #reveal}, with a written reason, audited.
 */
final class ReportsHandler {
    private final Reports reports;
    private final Dossiers dossiers;
    private final Identifiers identifiers;
    private final Linker linker = App.linker(Set.of());
    private final AuditSink audit;
    /** Look-up answers as sent, made again after any write that changes them. */
    private final IndicatorAnswers answers = new IndicatorAnswers();

    private final long maxBodyBytes;
    private final Clock clock = Clock.systemUTC();
    private final ReportViews views;

    /** A reveal's reason is a sentence: at least this many characters. */
    static final int MIN_REASON = 10;

    ReportsHandler(
            Reports reports,
            Dossiers dossiers,
            Identifiers identifiers,
            AuditSink audit,
            long maxBodyBytes,
            Router router) {
        this.views = new ReportViews(router, ReportViews.defaultMaxBytes());
        this.reports = reports;
        this.dossiers = dossiers;
        this.identifiers = identifiers;
        this.audit = audit;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** {@code POST /api/reports}: multipart/form-data (fields and {@code evidence} files) or a urlencoded form. */
    void submit(Context ctx) {
        if (ctx.req().getContentLengthLong() > maxBodyBytes) {
            throw RequestBody.tooLarge(ctx, maxBodyBytes);
        }
        String contentType = ctx.header("Content-Type") == null ? "" : ctx.header("Content-Type");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<EvidenceFile> files = new ArrayList<>();
        switch (CheckHandler.mediaType(contentType)) {
            case "multipart/form-data" -> {
                for (Part part : RequestBody.parts(ctx, maxBodyBytes)) {
                    if (part.getName().equals("evidence")) {
                        files.add(new EvidenceFile(
                                part.getSubmittedFileName() == null ? "evidence" : part.getSubmittedFileName(),
                                part.getContentType() == null ? "application/octet-stream" : part.getContentType(),
                                RequestBody.read(part)));
                    } else if (ReportForm.FIELDS.contains(part.getName())) {
                        fields.computeIfAbsent(part.getName(), k -> new ArrayList<>())
                                .add(text(RequestBody.read(part), part.getName()));
                    } else {
                        throw new HttpError(
                                400, "field." + safe(part.getName()), safe(part.getName()) + " is not a report field");
                    }
                }
            }
            case "application/x-www-form-urlencoded" -> {
                try {
                    ctx.formParamMap().forEach((name, values) -> fields.put(name, values));
                } catch (RuntimeException e) {
                    throw new HttpError(400, "bad_form", "the form body is malformed");
                }
            }
            default ->
                throw new HttpError(
                        415,
                        "unsupported_media_type",
                        "send multipart/form-data (fields and 'evidence' files) or application/x-www-form-urlencoded");
        }
        Submission s = reports.submit(fields, files, "api");
        String body = "{\"id\":\"" + s.id() + "\",\"token\":\"" + s.token() + "\",\"duplicate\":" + s.duplicate()
                + ",\"href\":\"/api/reports/" + s.id() + "\"}";
        ctx.header("Location", "/api/reports/" + s.id());
        HttpServer.json(ctx, s.duplicate() ? 200 : 201, body);
    }

    /**
     * {@code GET /api/reports/{id}}. What does not change between two reads of a report (its JSON, its facts, its
     * orientation) is made once per version of it ({@link ReportViews}); the campaign and the priority are added to
     * it at each read.
     */
    void get(Context ctx) {
        String id = ctx.pathParam("id");
        String actor = who(ctx, id);
        var policy = PriorityPolicy.DEFAULT;
        // Reports of its campaign received in the window (today included, UTC): counted from the arrivals since,
        // not from the campaign's figures, which read every report of the campaign.
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        var since = today.minusDays(policy.campaignWindowDays() - 1L)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        ReportViews.View known = views.get(id);
        // the audit entry of this read is written while the answer is prepared; it is sent once that entry is in
        var found = reports.readAudited(
                id, actor, since, known == null ? OptionalLong.empty() : OptionalLong.of(known.version()));
        if (found.isEmpty()) {
            views.forget(id);
            throw notFound();
        }
        Store.Read read = found.get().value();
        ReportViews.View view =
                read.report().map(r -> views.make(r, read.version())).orElse(known);
        // the answer is the view's UTF-8 parts copied once into one array (see ReportViews)
        byte[] campaign = read.placement()
                .map(p -> (",\"campaign\":{\"id\":\""
                                + new String(JsonStringEncoder.getInstance()
                                        .quoteAsString(p.campaign().id()))
                                + "\",\"size\":" + p.campaign().size() + "}")
                        .getBytes(StandardCharsets.UTF_8))
                .orElse(NOTHING);
        byte[] priority = NOTHING;
        if (!actor.equals("victim")) { // analysts and supervisors see the priority
            int recent = read.placement().map(Store.Placement::recent).orElse(0);
            Clock fixed = Clock.fixed(now, ZoneOffset.UTC); // the day the priority is kept for
            priority = view.priority(
                    recent,
                    today,
                    () -> ReportJson.priority(Priority.assess(view.facts(), recent, fixed, policy, view.lang()))
                            .toString());
        }
        byte[] answer = concat(
                view.json(),
                campaign,
                ORIENTATION,
                view.orientation(),
                priority.length == 0 ? NOTHING : PRIORITY,
                priority,
                CLOSE);
        found.get().receipt().await();
        ctx.status(200).contentType("application/json").result(answer);
    }

    private static final byte[] NOTHING = {};
    private static final byte[] ORIENTATION = ",\"orientation\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PRIORITY = ",\"priority\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE = {'}'};

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** {@code GET /api/reports/{id}/evidence/{seq}}: the exact bytes; the read joins the chain of custody. */
    void evidence(Context ctx) {
        String id = ctx.pathParam("id");
        String actor = who(ctx, id);
        int seq;
        try {
            seq = Integer.parseInt(ctx.pathParam("seq"));
        } catch (NumberFormatException e) {
            throw notFound();
        }
        Store.EvidenceContent content = reports.evidence(id, seq, actor).orElseThrow(ReportsHandler::notFound);
        ctx.header("Content-Disposition", "attachment; filename=\"evidence-" + seq + "\"");
        ctx.header("X-Content-SHA256", content.meta().sha256());
        ctx.status(200).contentType("application/octet-stream").result(content.bytes());
    }

    /** {@code GET /api/reports?query=&type=&status=&from=&to=&limit=&offset=}: analysts only. */
    void list(Context ctx) {
        int limit = number(ctx, "limit", 50, 1, ReportFilter.MAX_LIMIT);
        int offset = number(ctx, "offset", 0, 0, 1_000_000);
        ReportFilter filter = new ReportFilter(
                param(ctx, "type"),
                param(ctx, "from").map(v -> day(v, "from")),
                param(ctx, "to").map(v -> day(v, "to").plusSeconds(86_400)),
                param(ctx, "status")
                        .map(v -> Status.fromId(v)
                                .orElseThrow(() -> new HttpError(
                                        400, "bad_status", "status must be new, triaged, oriented or closed"))),
                Optional.empty(),
                limit,
                offset);
        List<ReportSummary> found = reports.list(param(ctx, "query"), filter);
        HttpServer.json(ctx, 200, ReportJson.list(found, limit, offset).toString());
    }

    /** {@code POST /api/reports/{id}/status} (form: {@code status}, {@code note}): analysts move a report on. */
    void status(Context ctx) {
        if (!"application/x-www-form-urlencoded"
                .equals(CheckHandler.mediaType(ctx.header("Content-Type") == null ? "" : ctx.header("Content-Type")))) {
            throw new HttpError(415, "unsupported_media_type", "send application/x-www-form-urlencoded: status, note");
        }
        String value = ctx.formParam("status");
        Status status = Status.fromId(value == null ? "" : value.strip())
                .orElseThrow(() -> new HttpError(400, "bad_status", "status must be new, triaged, oriented or closed"));
        String note = ctx.formParam("note");
        if (note != null && note.length() > 2000) {
            throw new HttpError(400, "bad_note", "note is longer than 2000 characters");
        }
        if (!reports.store()
                .changeStatus(
                        ctx.pathParam("id"), status, AccessGate.principal(ctx).actor(), note)) {
            throw notFound();
        }
        HttpServer.json(
                ctx,
                200,
                ReportJson.of(reports.report(ctx.pathParam("id")).orElseThrow()).toString());
    }

    /** {@code GET /api/indicators/{kind}/{value}}: the reports that carry an identifier; analysts only. */
    void indicator(Context ctx) {
        String kind = ctx.pathParam("kind").toLowerCase(Locale.ROOT);
        boolean known =
                java.util.Arrays.stream(fr.vigie.identifier.Kind.values()).anyMatch(k -> k.id().equals(kind));
        if (!known) {
            throw new HttpError(400, "bad_kind", "kind must be one of the identifier kinds (iban, phone, email, btc…)");
        }
        String value = ctx.pathParam("value");
        int max = number(ctx, "max", 100, 1, 10_000);
        Lang lang = CheckHandler.answerLanguage(ctx.queryParam("lang"), ctx.header("Accept-Language"));
        String key = IndicatorAnswers.key(kind, value, max, lang.id());
        long version = reports.store().lookupsVersion(); // before reading: a write since outdates the answer
        Optional<byte[]> kept = answers.get(key, version);
        if (kept.isPresent()) {
            ctx.status(200).contentType("application/json").result(kept.get());
            return;
        }
        var identifier = identifiers
                .parseAny(value)
                .filter(id -> id.kind().id().equals(kind))
                .orElseThrow(() -> new HttpError(400, "bad_value", "the value is not a valid " + kind));
        Optional<NeverReason> never = linker.policy().neverReason(identifier, Set.of());
        Optional<String> why = never.map(reason -> Explanations.of(lang).never(identifier, reason));
        byte[] body = IndicatorJson.of(reports.store().indicator(identifier, max), never, why)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        answers.put(key, version, body);
        ctx.status(200).contentType("application/json").result(body);
    }

    /** {@code GET /api/campaigns?sort=size|recent|losses&limit=}: analysts only. */
    void campaigns(Context ctx) {
        String sort = param(ctx, "sort").orElse("size");
        if (!List.of("size", "recent", "losses").contains(sort)) {
            throw new HttpError(400, "bad_sort", "sort must be size, recent or losses");
        }
        int limit = number(ctx, "limit", 50, 1, 500);
        Lang lang = CheckHandler.answerLanguage(ctx.queryParam("lang"), ctx.header("Accept-Language"));
        var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.put("sort", sort);
        var items = node.putArray("campaigns");
        reports.store().campaigns(sort, limit, 0).forEach(c -> items.add(CampaignJson.of(c, lang, List.of(), false)));
        HttpServer.json(ctx, 200, node.toString());
    }

    /** {@code GET /api/campaigns/{id}}: figures, reports, shared identifiers with explanations, the graph. */
    void campaign(Context ctx) {
        int max = number(ctx, "max", 1000, 1, 10_000);
        Lang lang = CheckHandler.answerLanguage(ctx.queryParam("lang"), ctx.header("Accept-Language"));
        var page = reports.store()
                .campaignPage(ctx.pathParam("id"), max)
                .orElseThrow(() -> new HttpError(404, "no_such_campaign", "there is no campaign with this id"));
        HttpServer.json(
                ctx,
                200,
                CampaignJson.of(page.figures(), lang, page.edges(), true).toString());
    }

    /**
     * {@code GET /api/reports/{id}/dossier.pdf}: the complaint dossier, for whoever may open the report; in {@code
     * lang}, else the report's language.
     */
    void dossier(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        who(ctx, id);
        Optional<Lang> chosen = param(ctx, "lang")
                .map(v -> Lang.fromId(v).orElseThrow(() -> new HttpError(400, "bad_lang", "lang must be fr or en")));
        VictimDossier dossier = dossiers.victim(id, chosen).orElseThrow(ReportsHandler::notFound);
        Lang lang = chosen.orElse(dossier.report().situation().lang());
        pdf(ctx, id, out -> dossiers.write(dossier, lang, out));
    }

    /** {@code GET /api/campaigns/{id}/dossier.pdf}: the investigation dossier of a campaign. */
    void campaignDossier(Context ctx) throws IOException {
        CampaignDossier dossier = dossiers.campaign(ctx.pathParam("id"))
                .orElseThrow(() -> new HttpError(404, "no_such_campaign", "there is no campaign with this id"));
        Lang lang = CheckHandler.answerLanguage(ctx.queryParam("lang"), ctx.header("Accept-Language"));
        pdf(ctx, dossier.id(), out -> dossiers.write(dossier, lang, out));
    }

    private interface PdfBody {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Renders into a temporary file first (readable by this user only, deleted once sent): a dossier that fails
     * half-way is answered with a JSON error, never with half a PDF.
     */
    private static void pdf(Context ctx, String name, PdfBody body) throws IOException {
        Path file = Files.createTempFile("vigie-dossier-", ".pdf");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                body.writeTo(out);
            }
            ctx.header("Content-Disposition", "attachment; filename=\"dossier-" + name + ".pdf\"");
            ctx.status(200)
                    .contentType("application/pdf")
                    .result(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * {@code POST /api/reports/{id}/reveal} (form: {@code reason}): the reporter's identity and contact, for a
     * supervisor who writes why. The reveal is written to the audit before anything is answered; without a reason
     * nothing is read.
     */
    void reveal(Context ctx) {
        if (!"application/x-www-form-urlencoded"
                .equals(CheckHandler.mediaType(ctx.header("Content-Type") == null ? "" : ctx.header("Content-Type")))) {
            throw new HttpError(415, "unsupported_media_type", "send application/x-www-form-urlencoded: reason");
        }
        String reason;
        try {
            reason = ctx.formParam("reason");
        } catch (RuntimeException e) {
            throw new HttpError(400, "bad_form", "the form body is malformed");
        }
        reason = reason == null ? "" : reason.strip();
        if (reason.length() < MIN_REASON || reason.length() > 2000) {
            throw new HttpError(
                    400,
                    "reason_required",
                    "revealing a reporter's identity needs a written reason (" + MIN_REASON + " to 2000 characters)");
        }
        String id = ctx.pathParam("id");
        var report = reports.report(id).orElseThrow(ReportsHandler::notFound);
        String actor = AccessGate.principal(ctx).actor();
        audit.record(actor, "reveal", "report:" + id, reason);
        // Read through the store's audited path: the chained audit log holds the read with its reason too.
        Optional<Contact> contact = reports.store().contact(id, actor, reason);
        var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.put("id", id);
        report.reporterPseudonym().ifPresent(p -> node.put("pseudonym", p));
        node.put("anonymous", contact.isEmpty());
        contact.ifPresent(c -> {
            node.put("name", c.name().orElse(null));
            node.put("email", c.email().orElse(null));
            node.put("phone", c.phone().orElse(null));
        });
        HttpServer.json(ctx, 200, node.toString());
    }

    /** Who is asking for report {@code id}: staff the table let in, or its victim; a wrong token is told 404. */
    private String who(Context ctx, String id) {
        Principal principal = AccessGate.principal(ctx);
        if (principal instanceof Principal.FollowUpToken victim) {
            if (!reports.opens(id, victim.token())) {
                throw notFound();
            }
            return "victim";
        }
        return principal.actor();
    }

    private static HttpError notFound() {
        return new HttpError(404, "no_such_report", "no report with this id opens with this token");
    }

    private static Optional<String> param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static int number(Context ctx, String name, int fallback, int min, int max) {
        Optional<String> value = param(ctx, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new HttpError(400, "bad_" + name, name + " must be a number between " + min + " and " + max);
    }

    private static Instant day(String value, String name) {
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new HttpError(400, "bad_" + name, name + " must be a date written YYYY-MM-DD");
        }
    }

    /** A form field is text: UTF-8, strictly (a browser sends nothing else). */
    private static String text(byte[] bytes, String field) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new HttpError(400, "field." + field, field + " is not valid UTF-8");
        }
    }

    /** A client-chosen name, made safe to echo: letters, digits, dot, dash and underscore, 40 at most. */
    private static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "");
        return cleaned.substring(0, Math.min(40, cleaned.length())).toLowerCase(Locale.ROOT);
    }
}
