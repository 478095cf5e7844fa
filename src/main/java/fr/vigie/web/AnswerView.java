package fr.vigie.web;

import fr.vigie.detect.Analysis;
import fr.vigie.detect.RedFlag;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import fr.vigie.orient.Orientation;
import fr.vigie.orient.Step;
import fr.vigie.render.Marked;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer as the page shows it: the verdict in plain words, the message with each red flag's evidence marked
 * (numbered like the list of reasons, each reason linking to its marks), the schemes, and what to do now.
 *
 * @param verdict scam, suspicious or no_red_flags (also the CSS class of the verdict box)
 * @param report what the report form carries on: the text analysed, or the file as received
 */
public record AnswerView(
        String verdict,
        int score,
        List<String> schemes,
        List<Flag> flags,
        List<Shown> message,
        List<String> todo,
        boolean fromScreenshot,
        Carried report) {

    /** A reason, with where its evidence is: a quote, its place in words, and the mark's anchor when it is shown. */
    public record Flag(int number, String explanation, List<Place> places) {}

    public record Place(String quote, String where, String anchor) {}

    /** A part of the message as shown (the subject, a body part), cut into plain and marked segments. */
    public record Shown(String label, List<Segment> segments) {}

    /** @param flag the reason's number for a marked segment, 0 for plain text */
    public record Segment(String text, int flag, String anchor) {
        public boolean marked() {
            return flag > 0;
        }
    }

    /** The message handed on to the report form: pasted or recognised text, or a file's bytes in base64. */
    public record Carried(String text, String fileBase64, String fileName, String fileType) {}

    /** The whole message is shown up to this many characters per part; a longer part is cut after its last mark. */
    private static final int MAX_SHOWN = 200_000;

    static AnswerView of(
            Harmonised h,
            Analysis analysis,
            Orientation orientation,
            Lang lang,
            boolean fromScreenshot,
            Carried report) {
        Texts t = Texts.of(lang);
        List<RedFlag> redFlags = analysis.redFlags();
        List<Shown> shown = new ArrayList<>();
        Map<String, String> anchors = new HashMap<>(); // "part@start" -> anchor of the mark shown there
        List<PartText> parts = new ArrayList<>();
        if (h.subject() != null) {
            parts.add(new PartText("header:Subject", h.subject()));
        }
        h.parts().forEach(p -> parts.add(new PartText(p.name(), p.text())));
        boolean anyMarked =
                parts.stream().anyMatch(p -> !Marked.marksIn(p.name(), redFlags).isEmpty());
        String firstBody = parts.stream()
                .map(PartText::name)
                .filter(n -> !n.startsWith("header:") && !n.endsWith(":href"))
                .findFirst()
                .orElse("");
        int anchorCount = 0;
        for (PartText part : parts) {
            List<Marked.Mark> marks = Marked.marksIn(part.name(), redFlags);
            if (marks.isEmpty() && (anyMarked || !part.name().equals(firstBody))) {
                continue; // with marks somewhere, only the marked parts; without, the message's first body part
            }
            List<Segment> segments = new ArrayList<>();
            String text = part.text().length() > MAX_SHOWN ? part.text().substring(0, MAX_SHOWN) : part.text();
            int at = 0;
            for (Marked.Mark m : marks) {
                if (m.end() > text.length()) {
                    break;
                }
                if (m.start() > at) {
                    segments.add(new Segment(text.substring(at, m.start()), 0, null));
                }
                String anchor = "mark-" + (++anchorCount);
                anchors.put(part.name() + "@" + m.start(), anchor);
                segments.add(new Segment(text.substring(m.start(), m.end()), m.number(), anchor));
                at = m.end();
            }
            segments.add(new Segment(text.substring(at), 0, null));
            shown.add(new Shown(where(t, part.name()), segments));
        }
        List<Flag> flags = new ArrayList<>();
        for (int n = 0; n < redFlags.size(); n++) {
            RedFlag flag = redFlags.get(n);
            List<Place> places = flag.evidence().stream()
                    .limit(5)
                    .map(e -> new Place(oneLine(e.text()), where(t, e.part()), anchors.get(e.part() + "@" + e.start())))
                    .toList();
            flags.add(new Flag(n + 1, lang == Lang.FR ? flag.explanationFr() : flag.explanationEn(), places));
        }
        List<String> schemes = analysis.scamTypes().stream()
                .map(s -> t.get("scheme." + s.type()) + " (" + Math.round(s.confidence() * 100) + " %)")
                .toList();
        // What to do now: the router's ordered steps (the person's own first, then the services, each with why).
        List<String> todo = orientation.steps().stream().map(AnswerView::step).toList();
        return new AnswerView(
                analysis.verdict().id(), analysis.score(), schemes, flags, shown, todo, fromScreenshot, report);
    }

    private record PartText(String name, String text) {}

    private static String step(Step step) {
        String contact = java.util.stream.Stream.of(
                        step.contact().phone(),
                        step.contact().site(),
                        step.contact().address())
                .flatMap(java.util.Optional::stream)
                .collect(java.util.stream.Collectors.joining(" · "));
        return step.title() + " " + step.reason() + (contact.isEmpty() ? "" : " (" + contact + ")");
    }

    static String where(Texts t, String part) {
        if (part.startsWith("header:")) {
            return t.get("where.header", part.substring(7));
        }
        if (part.endsWith(":href")) {
            return t.get("where.link", part.substring(5, part.length() - 5));
        }
        return t.get("where.body", part.startsWith("body:") ? part.substring(5) : part);
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 160 ? line : line.substring(0, 160) + "…";
    }
}
