package fr.vigie.web;

import fr.vigie.BadInputException;
import fr.vigie.access.Access;
import fr.vigie.access.Principal;
import fr.vigie.access.RateLimiter;
import fr.vigie.app.App;
import fr.vigie.app.Dossiers;
import fr.vigie.app.Reports;
import fr.vigie.detect.Analysis;
import fr.vigie.dossier.VictimDossier;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import fr.vigie.ocr.Ocr;
import fr.vigie.ocr.OcrUnavailableException;
import fr.vigie.oidc.OidcClient;
import fr.vigie.orient.Case;
import fr.vigie.orient.Orientation;
import fr.vigie.report.Report;
import fr.vigie.report.Submission;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pages' routes. Each handler reads its form, calls the same façade as the API ({@link App} for a check,
 * {@link Reports} for a report) and renders a template; an error is the same page again with the problem said in the
 * person's language, never a stack trace. A request from htmx ({@code HX-Request}) gets only the part that changes.
 */
public final class WebRoutes {
    private static final List<String> LANGUAGES = List.of("fr", "en");

    private final App app;
    private final Reports reports;
    private final Dossiers dossiers;
    private final long maxBodyBytes;
    private final Pages pages = new Pages();
    private final ConsoleRoutes console;
    private final OidcRoutes oidc;

    /**
     * What the console needs of the server's access control: sign-in and sessions, the failed sign-ins counted per
     * account name (shared with {@code POST /api/session}), who the access gate let through a request, and the
     * organisation's OpenID Connect provider when this server signs people in through one.
     */
    public record Staff(
            Access access,
            RateLimiter signInFailures,
            Function<Context, Principal> principal,
            Optional<OidcClient> oidc) {
        /** Without OpenID Connect sign-in. */
        public Staff(Access access, RateLimiter signInFailures, Function<Context, Principal> principal) {
            this(access, signInFailures, principal, Optional.empty());
        }
    }

    public WebRoutes(App app, Reports reports, long maxBodyBytes, Staff staff) {
        this.app = app;
        this.reports = reports;
        this.dossiers = app.dossiers(reports.store(), Clock.systemUTC());
        this.maxBodyBytes = maxBodyBytes;
        this.oidc = new OidcRoutes(staff.oidc(), staff.access(), pages);
        this.console =
                new ConsoleRoutes(reports, app.identifiers(), staff, pages, Clock.systemUTC(), oidc.providerName());
    }

    /**
     * Answers a refusal of a console route (no session, wrong role, no such report...) as a page: without a session,
     * the way to the sign-in page. False when the route is not the console's (the caller answers in JSON).
     */
    public boolean consoleRefusal(Context ctx, int status, String code) {
        return console.refusal(ctx, status, code);
    }

    public List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>(pageEndpoints());
        all.addAll(console.endpoints());
        all.addAll(oidc.endpoints());
        return List.copyOf(all);
    }

    private List<Endpoint> pageEndpoints() {
        return List.of(
                new Endpoint(HandlerType.GET, "/", this::home),
                new Endpoint(HandlerType.POST, "/check", this::check),
                new Endpoint(HandlerType.GET, "/report", this::reportForm),
                new Endpoint(HandlerType.POST, "/report", this::report),
                new Endpoint(HandlerType.POST, "/report/dossier", this::dossier),
                new Endpoint(HandlerType.GET, "/follow", this::followForm),
                new Endpoint(HandlerType.POST, "/follow", this::follow),
                new Endpoint(HandlerType.GET, "/assets/{name}", pages.assets()::serve));
    }

    private void home(Context ctx) {
        Lang lang = lang(ctx, null);
        render(ctx, 200, "check.jte", page(lang, "web.title.check", "/"), Map.of());
    }

    /** {@code POST /check}: a {@code text} field or a {@code file} upload (an .eml, a .txt, a screenshot). */
    private void check(Context ctx) {
        Form form;
        try {
            form = Form.read(ctx, maxBodyBytes);
        } catch (BadInputException e) {
            checkError(ctx, lang(ctx, null), 400, e.code(), "");
            return;
        }
        Lang lang = lang(ctx, form);
        String text = form.one("text").orElse("");
        try {
            Harmonised harmonised;
            boolean screenshot = false;
            AnswerView.Carried carried;
            if (form.file().isPresent()) {
                Form.Upload file = form.file().get();
                screenshot = Ocr.isImage(file.bytes());
                harmonised = app.harmoniseFile(app.harmoniser(), file.bytes());
                String recognised = screenshot ? harmonised.parts().get(0).text() : null;
                carried = new AnswerView.Carried(
                        recognised,
                        Base64.getEncoder().encodeToString(file.bytes()),
                        safeName(file.name()),
                        file.contentType());
            } else if (!text.isBlank()) {
                harmonised = app.harmoniser().harmoniseText(text.replace("\r\n", "\n"));
                carried = new AnswerView.Carried(text, null, null, null);
            } else {
                checkError(ctx, lang, 400, "no_message", text);
                return;
            }
            // Who the person is and where they live choose the steps (a minor's child-protection path first; the
            // services of their country); a country not offered falls back to the server's own.
            boolean minor = form.one("minor").map("true"::equals).orElse(false);
            String country = form.one("country")
                    .filter(Page.COUNTRIES::contains)
                    .orElse(app.config().country());
            Analysis analysis = app.detector().analyse(harmonised, minor, country);
            Orientation orientation = app.router().route(Case.of(analysis, harmonised.kind(), country, minor), lang);
            AnswerView answer = AnswerView.of(harmonised, analysis, orientation, lang, screenshot, carried);
            Map<String, Object> params = Map.of("answer", answer, "pasted", text);
            if (ctx.header("HX-Request") != null) {
                render(ctx, 200, "answer.jte", page(lang, "web.title.answer", "/"), Map.of("answer", answer));
            } else {
                render(ctx, 200, "check.jte", page(lang, "web.title.answer", "/"), params);
            }
        } catch (BadInputException e) {
            checkError(ctx, lang, 400, e.code(), text);
        } catch (OcrUnavailableException e) {
            checkError(ctx, lang, 503, "ocr_unavailable", text);
        }
    }

    private void checkError(Context ctx, Lang lang, int status, String code, String pasted) {
        Texts t = Texts.of(lang);
        String key = "web.error." + code;
        String message = t.has(key) ? t.get(key) : t.get("web.error.other", code);
        Map<String, Object> params = Map.of("error", message, "pasted", pasted);
        if (ctx.header("HX-Request") != null) {
            // htmx swaps only 2xx answers by default: the error is shown in place of the answer all the same
            render(ctx, 200, "error.jte", page(lang, "web.title.check", "/"), Map.of("error", message));
        } else {
            render(ctx, status, "check.jte", page(lang, "web.title.check", "/"), params);
        }
    }

    private void reportForm(Context ctx) {
        Lang lang = lang(ctx, null);
        render(ctx, 200, "report.jte", page(lang, "web.title.report", "/report"), Map.of());
    }

    /** {@code POST /report}: the page's fields turned into the report intake's (docs/API.md), then stored. */
    private void report(Context ctx) {
        Lang lang = lang(ctx, null);
        Form form;
        try {
            form = Form.read(ctx, maxBodyBytes);
            lang = lang(ctx, form);
            ReportRequest request = ReportRequest.of(form, lang);
            Submission submission = reports.submit(request.fields(), request.files(), "web");
            render(
                    ctx,
                    submission.duplicate() ? 200 : 201,
                    "reported.jte",
                    page(lang, "web.title.reported", "/report"),
                    Map.of("id", submission.id(), "token", submission.token()));
        } catch (BadInputException e) {
            render(
                    ctx,
                    400,
                    "report.jte",
                    page(lang, "web.title.report", "/report"),
                    Map.of("error", reportError(Texts.of(lang), e.code())));
        }
    }

    /**
     * A refused report in the page's language: the field and what it expects (the intake's own sentence is for the
     * API and is English).
     */
    static String reportError(Texts t, String code) {
        if (code.startsWith("field.")) {
            String field = code.substring(6);
            String label = t.has("web.field." + field) ? t.get("web.field." + field) : field;
            String expected =
                    t.has("web.problem." + field) ? t.get("web.problem." + field) : t.get("web.problem.other");
            return t.get("web.error.field", label, expected);
        }
        return t.has("web.error." + code) ? t.get("web.error." + code) : t.get("web.error.other", code);
    }

    /**
     * {@code POST /report/dossier} (form: {@code id}, {@code token}): the victim's complaint dossier as a PDF, from a
     * plain form, so the follow-up token travels in the body and never in an address a log or a history keeps. A
     * wrong token and an unknown id get the same answer.
     */
    private void dossier(Context ctx) throws IOException {
        Form form;
        try {
            form = Form.read(ctx, 64 * 1024);
        } catch (BadInputException e) {
            form = new Form(Map.of(), Optional.empty());
        }
        Lang lang = lang(ctx, form);
        String id = form.one("id").map(String::strip).orElse("");
        String token = form.one("token").map(String::strip).orElse("");
        Optional<VictimDossier> dossier = id.isEmpty() || token.isEmpty() || !reports.opens(id, token)
                ? Optional.empty()
                : dossiers.victim(id, Optional.of(lang));
        if (dossier.isEmpty()) {
            render(
                    ctx,
                    404,
                    "follow.jte",
                    page(lang, "web.title.follow", "/follow"),
                    Map.of("id", id, "error", Texts.of(lang).get("web.follow.unknown")));
            return;
        }
        pdf(ctx, "dossier-" + id + ".pdf", out -> dossiers.write(dossier.get(), lang, out));
    }

    interface PdfBody {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Rendered into memory first: a dossier that fails half-way is an error page, never half a PDF. */
    static void pdf(Context ctx, String name, PdfBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.status(200).contentType("application/pdf").result(out.toByteArray());
    }

    private void followForm(Context ctx) {
        Lang lang = lang(ctx, null);
        String id = ctx.queryParam("id") == null ? "" : ctx.queryParam("id");
        render(ctx, 200, "follow.jte", page(lang, "web.title.follow", "/follow"), Map.of("id", id));
    }

    /** {@code POST /follow}: a wrong token and an unknown id get the same answer, so ids cannot be probed. */
    private void follow(Context ctx) {
        Lang lang = lang(ctx, null);
        Form form;
        try {
            form = Form.read(ctx, 64 * 1024);
        } catch (BadInputException e) {
            render(
                    ctx,
                    400,
                    "follow.jte",
                    page(lang, "web.title.follow", "/follow"),
                    Map.of("id", "", "error", Texts.of(lang).get("web.follow.unknown")));
            return;
        }
        lang = lang(ctx, form);
        String id = form.one("id").map(String::strip).orElse("");
        String token = form.one("token").map(String::strip).orElse("");
        Optional<Report> report =
                id.isEmpty() || token.isEmpty() || !reports.opens(id, token) ? Optional.empty() : reports.report(id);
        Page page = page(lang, "web.title.follow", "/follow");
        if (report.isEmpty()) {
            render(
                    ctx,
                    404,
                    "follow.jte",
                    page,
                    Map.of("id", id, "error", Texts.of(lang).get("web.follow.unknown")));
            return;
        }
        render(ctx, 200, "follow.jte", page, Map.of("id", id, "report", FollowView.of(report.get(), lang)));
    }

    private Page page(Lang lang, String titleKey, String path) {
        return pages.page(lang, titleKey, path + "?lang=" + (lang == Lang.FR ? "en" : "fr"));
    }

    private void render(Context ctx, int status, String template, Page page, Map<String, Object> params) {
        pages.render(ctx, status, template, page, params);
    }

    /** The person's choice ({@code lang} in the address or the form), else their browser's, else French. */
    static Lang lang(Context ctx, Form form) {
        String chosen = ctx.queryParam("lang");
        if (chosen == null && form != null) {
            chosen = form.one("lang").orElse(null);
        }
        if (chosen != null) {
            Optional<Lang> lang = Lang.fromId(chosen.strip().toLowerCase(Locale.ROOT));
            if (lang.isPresent()) {
                return lang.get();
            }
        }
        String accept = ctx.header("Accept-Language");
        if (accept != null) {
            try {
                String tag = Locale.lookupTag(Locale.LanguageRange.parse(accept), LANGUAGES);
                if (tag != null) {
                    return Lang.fromId(tag).orElse(Lang.FR);
                }
            } catch (IllegalArgumentException e) {
                // an unreadable preference: the default language
            }
        }
        return Lang.FR;
    }

    private static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.isBlank() ? "message" : base.length() > 120 ? base.substring(0, 120) : base;
    }

    /** The report form's fields in the intake's terms: one loss from its four inputs, the carried message or file. */
    record ReportRequest(Map<String, List<String>> fields, List<fr.vigie.report.EvidenceFile> files) {
        private static final List<String> PASSED_ON = List.of(
                "minor",
                "country",
                "channel",
                "narrative",
                "first_contact",
                "contact_name",
                "contact_email",
                "contact_phone",
                "message",
                "lang");

        static ReportRequest of(Form form, Lang lang) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (String name : PASSED_ON) {
                form.one(name).ifPresent(v -> fields.put(name, List.of(v)));
            }
            fields.put("lang", List.of(lang.id()));
            Optional<String> amount = form.one("loss_amount");
            if (amount.isPresent()) {
                // a French amount is written 49,90: the intake reads 49.90
                String loss = amount.get().strip().replace(" ", "").replace(',', '.') + " "
                        + form.one("loss_currency").orElse("EUR") + " "
                        + form.one("loss_method").orElse("other")
                        + form.one("loss_date").map(d -> " " + d).orElse("");
                fields.put("loss", List.of(loss));
            }
            List<fr.vigie.report.EvidenceFile> files = new ArrayList<>();
            Optional<String> carried = form.one("evidence_b64");
            if (carried.isPresent()) {
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(carried.get().strip());
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("bad_form", "the message carried by the form is damaged");
                }
                files.add(new fr.vigie.report.EvidenceFile(
                        safeName(form.one("evidence_name").orElse("message")),
                        form.one("evidence_type").orElse("application/octet-stream"),
                        bytes));
            }
            form.file()
                    .ifPresent(f -> files.add(
                            new fr.vigie.report.EvidenceFile(safeName(f.name()), f.contentType(), f.bytes())));
            return new ReportRequest(fields, files);
        }
    }
}
