package fr.vigie.render;

import fr.vigie.forensics.HeaderFindings;
import fr.vigie.forensics.HeaderFindings.Hop;
import fr.vigie.forensics.HeaderFindings.MailAddress;
import fr.vigie.forensics.HeaderFindings.Verdict;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.i18n.Texts;
import fr.vigie.identifier.Found;
import fr.vigie.message.Warning;

/** The answer of {@code vigie check} for a person reading a terminal, in French or English. */
public final class CheckText {
    private final Texts texts;

    public CheckText(Texts texts) {
        this.texts = texts;
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

    /** Text from a message goes to a terminal: no control characters (escape sequences), one line, bounded. */
    static String oneLine(String s) {
        String clean = s.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").strip();
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }

    private static void line(StringBuilder out, int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }
}
