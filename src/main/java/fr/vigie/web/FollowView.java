package fr.vigie.web;

import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import fr.vigie.report.Report;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the person who reported sees of their report: its id, when it came, its status and the steps so far. */
public record FollowView(String id, String received, String status, List<Step> history) {

    public record Step(String status, String at) {}

    static FollowView of(Report report, Lang lang) {
        Texts t = Texts.of(lang);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", lang.locale())
                .withZone(ZoneOffset.UTC);
        List<Step> steps = report.history().stream()
                .map(h -> new Step(
                        t.get("web.status." + h.status().name().toLowerCase(Locale.ROOT)), format.format(h.at())))
                .toList();
        return new FollowView(
                report.id(),
                format.format(report.receivedAt()),
                t.get("web.status." + report.status().name().toLowerCase(Locale.ROOT)),
                steps);
    }
}
