package fr.vigie.render;

import fr.vigie.detect.Advice;
import fr.vigie.detect.Analysis;
import fr.vigie.detect.RedFlag;
import fr.vigie.forensics.HeaderFindings;
import fr.vigie.forensics.HeaderFindings.Hop;
import fr.vigie.forensics.HeaderFindings.MailAddress;
import fr.vigie.forensics.HeaderFindings.Verdict;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import fr.vigie.identifier.Found;
import fr.vigie.message.TextPart;
import fr.vigie.message.Warning;
import fr.vigie.orient.Orientation;
import fr.vigie.orient.Step;
import java.util.ArrayList;
import java.util.List;

/** The answer of {@code vigie check} for a person reading a terminal, in French or English. */
public final class CheckText {
    private final Texts texts;

    public CheckText(Texts texts) {
        this.texts = texts;
    }

    /** The verdict first, then why (each red flag pointed at in the message), what to do, then the facts. */
    public String render(Harmonised h, Analysis analysis) {
        return render(h, analysis, new Orientation(List.of(), "general"));
    }

    /** As {@link #render(Harmonised, Analysis)}, with where to turn (the ordered steps) before the facts. */
    public String render(Harmonised h, Analysis analysis, Orientation orientation) {
        StringBuilder out = new StringBuilder();
        line(out, 0, texts.get("verdict." + analysis.verdict().id(), analysis.score()));
        if (!analysis.scamTypes().isEmpty()) {
            StringBuilder types = new StringBuilder();
            for (Analysis.SchemeConfidence t : analysis.scamTypes()) {
                types.append(types.isEmpty() ? "" : ", ")
                        .append(texts.get("scheme." + t.type()))
                        .append(" (")
                        .append(Math.round(t.confidence() * 100))
                        .append(" %)");
            }
            line(out, 0, texts.get("check.schemes", types));
        }
        List<RedFlag> flags = analysis.redFlags();
        if (!flags.isEmpty()) {
            out.append('\n');
            line(out, 0, texts.get("check.why"));
            for (int n = 0; n < flags.size(); n++) {
                RedFlag flag = flags.get(n);
                String explanation = texts.lang() == Lang.FR ? flag.explanationFr() : flag.explanationEn();
                line(out, 1, (n + 1) + ". " + explanation);
                flag.evidence().stream()
                        .limit(3)
                        .forEach(e -> line(out, 2, "« " + oneLine(e.text()) + " » (" + where(e.part()) + ")"));
            }
            pointedAt(out, h, flags);
        }
        if (!analysis.advice().isEmpty()) {
            out.append('\n');
            line(out, 0, texts.get("check.todo"));
            int n = 1;
            for (Advice advice : analysis.advice()) {
                line(out, 1, n++ + ". " + advice.text(texts.lang()));
            }
        }
        orientation(out, orientation);
        out.append('\n').append(render(h));
        return out.toString();
    }

    private void orientation(StringBuilder out, Orientation orientation) {
        if (orientation.steps().isEmpty()) {
            return;
        }
        out.append('\n');
        String table = orientation.jurisdiction().equals("general")
                ? texts.get("check.orientation.general")
                : orientation.jurisdiction();
        line(out, 0, texts.get("check.orientation", table));
        int n = 1;
        for (Step step : orientation.steps()) {
            line(
                    out,
                    1,
                    n++ + ". " + step.title() + " ["
                            + texts.get("urgency." + step.urgency().id()) + "]");
            line(out, 2, step.reason());
            List<String> contact = new ArrayList<>();
            step.contact().phone().ifPresent(contact::add);
            step.contact().site().ifPresent(contact::add);
            step.contact().address().ifPresent(contact::add);
            if (!contact.isEmpty()) {
                line(out, 2, "→ " + String.join(" · ", contact));
            }
        }
    }

    private void pointedAt(StringBuilder out, Harmonised h, List<RedFlag> flags) {
        List<String> parts = new ArrayList<>();
        if (h.subject() != null) {
            parts.add("header:Subject");
        }
        h.parts().forEach(p -> parts.add(p.name()));
        boolean title = false;
        for (String part : parts) {
            List<Marked.Mark> marks = Marked.marksIn(part, flags);
            if (marks.isEmpty()) {
                continue;
            }
            if (!title) {
                out.append('\n');
                line(out, 0, texts.get("check.pointed"));
                title = true;
            }
            String text = part.equals("header:Subject") ? h.subject() : partText(h, part);
            line(out, 1, "[" + where(part) + "]");
            Marked.render(text, marks).lines().forEach(l -> line(out, 2, l));
        }
    }

    private static String partText(Harmonised h, String part) {
        return h.parts().stream()
                .filter(p -> p.name().equals(part))
                .findFirst()
                .map(TextPart::text)
                .orElse("");
    }

    private String where(String part) {
        if (part.startsWith("header:")) {
            return texts.get("where.header", part.substring(7));
        }
        if (part.endsWith(":href")) {
            return texts.get("where.link", part.substring(5, part.length() - 5));
        }
        return texts.get("where.body", part.startsWith("body:") ? part.substring(5) : part);
    }

    public String render(Harmonised h) {
        StringBuilder out = new StringBuilder();
        String kind = texts.get("check.kind." + h.kind().id());
        line(
                out,
                0,
                texts.get(
                        "check.title",
                        kind,
                        h.evidence().sha256().substring(0, 16) + "…",
                        String.valueOf(h.evidence().size()),
                        h.language()));
        if (h.subject() != null) {
            line(out, 0, texts.get("check.subject", oneLine(h.subject())));
        }
        h.findings().ifPresent(f -> headers(out, f));
        indicators(out, h);
        if (!h.warnings().isEmpty()) {
            out.append('\n');
            line(out, 0, texts.get("check.warnings"));
            for (Warning w : h.warnings()) {
                line(out, 1, "- " + w.code() + ": " + w.detail());
            }
        }
        return out.toString();
    }

    private void headers(StringBuilder out, HeaderFindings f) {
        out.append('\n');
        line(out, 0, texts.get("check.headers"));
        f.senders().from().ifPresent(a -> line(out, 1, texts.get("check.from", address(a))));
        f.senders().replyTo().ifPresent(a -> line(out, 1, texts.get("check.replyTo", address(a))));
        f.senders().returnPath().ifPresent(a -> line(out, 1, texts.get("check.returnPath", address(a))));
        f.date().ifPresent(d -> line(out, 1, texts.get("check.date", d.toString())));
        if (!f.hops().isEmpty()) {
            line(out, 1, texts.get("check.path"));
            int n = 1;
            for (Hop hop : f.hops()) {
                line(out, 2, n++ + ". " + hop(hop));
            }
        }
        line(
                out,
                1,
                f.origin()
                        .map(o -> texts.get(
                                "check.origin",
                                o.ip() + o.reverseDns().map(r -> " (" + r + ")").orElse("")))
                        .orElseGet(() -> texts.get("check.origin.none")));
        line(
                out,
                1,
                texts.get(
                        "check.auth",
                        verdict(f.authentication().spf()),
                        verdict(f.authentication().dkim()),
                        verdict(f.authentication().dmarc())));
        f.sendingClient().ifPresent(c -> line(out, 1, texts.get("check.client", oneLine(c))));
        if (!f.mismatches().isEmpty()) {
            line(out, 1, texts.get("check.mismatches"));
            for (HeaderFindings.Mismatch m : f.mismatches()) {
                String key = "mismatch." + m.code();
                line(out, 2, "- " + (texts.has(key) ? texts.get(key) : m.code()) + " (" + oneLine(m.detail()) + ")");
            }
        }
        for (HeaderFindings.Anomaly a : f.warnings()) {
            line(out, 1, "! " + a.code() + ": " + oneLine(a.detail()));
        }
    }

    private String hop(Hop hop) {
        StringBuilder s = new StringBuilder();
        s.append(hop.helo().or(hop::reverseDns).orElse("?"));
        hop.ip().ifPresent(ip -> s.append(" [").append(ip).append(']'));
        s.append(" → ").append(hop.by().orElse("?"));
        hop.with().ifPresent(w -> s.append("  ").append(w));
        hop.date().ifPresent(d -> s.append("  ").append(d));
        if (hop.delaySeconds().isPresent()) {
            s.append(" (+").append(hop.delaySeconds().getAsLong()).append(" s)");
        }
        if (hop.claimedBySender()) {
            s.append(' ').append(texts.get("check.hop.claimed"));
        }
        hop.anomalies().forEach(a -> s.append(" !").append(a.code()));
        return s.toString();
    }

    private String verdict(Verdict v) {
        return v.result()
                + v.domain().map(d -> " (" + d + ")").orElse("")
                + (v.trusted() || Verdict.ABSENT.equals(v.result()) ? "" : " " + texts.get("check.auth.untrusted"));
    }

    private void indicators(StringBuilder out, Harmonised h) {
        out.append('\n');
        if (h.identifiers().isEmpty()) {
            line(out, 0, texts.get("check.indicators.none"));
            return;
        }
        line(out, 0, texts.get("check.indicators"));
        for (Found f : h.identifiers()) {
            String recipient = h.recipients().contains(f.identifier().normalized())
                    ? " " + texts.get("check.indicator.recipient")
                    : "";
            line(
                    out,
                    1,
                    String.format(
                            "%-10s %-40s «%s»  %s %d–%d%s",
                            texts.get("kind." + f.identifier().kind().id()),
                            f.identifier().display(),
                            oneLine(f.written()),
                            f.span().part(),
                            f.span().start(),
                            f.span().end(),
                            recipient));
        }
    }

    private static String address(MailAddress a) {
        return a.displayName() == null || a.displayName().isBlank()
                ? a.address()
                : "\"" + oneLine(a.displayName()) + "\" <" + a.address() + ">";
    }

    /** A line of message text for a terminal: no control characters (escape sequences), bounded. */
    static String clean(String s) {
        String clean = s.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").stripTrailing();
        return clean.length() > 500 ? clean.substring(0, 500) + "…" : clean;
    }

    /** Text from a message goes to a terminal: no control characters (escape sequences), one line, bounded. */
    static String oneLine(String s) {
        String clean = s.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").strip();
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }

    private static void line(StringBuilder out, int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }
}
