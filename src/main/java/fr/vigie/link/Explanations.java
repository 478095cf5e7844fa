package fr.vigie.link;

import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import fr.vigie.identifier.Identifier;

/**
 * The sentence an analyst reads beside a link, a demoted value or a value that never links ("même IBAN FR76 3000
 * …, vu dans 14 signalements"), with the value as {@link Identifier#display()} shows it (IBAN in groups, links
 * defanged). The words are in the i18n bundles: {@code link.same.<kind>}, {@code link.common}, {@code
 * link.never.<reason>}, {@code link.template}.
 */
public final class Explanations {
    private final Texts texts;

    private Explanations(Texts texts) {
        this.texts = texts;
    }

    public static Explanations of(Lang lang) {
        return new Explanations(Texts.of(lang));
    }

    public String explain(Decision decision) {
        return switch (decision) {
            case Decision.Links links -> link(links);
            case Decision.TooCommon common -> tooCommon(common);
            case Decision.Never never -> never(never.key(), never.reason());
        };
    }

    /** "same IBAN FR76 3000 6000 0112 3456 7890 189, seen in 14 reports" */
    public String link(Decision.Links decision) {
        Identifier key = decision.key();
        return texts.get("link.same." + key.kind().id(), key.display(), decision.reports());
    }

    /** The value, how many reports carry it and the limit it passed. */
    public String tooCommon(Decision.TooCommon decision) {
        Identifier key = decision.key();
        return texts.get("link.common", kind(key), key.display(), decision.reports(), decision.limit());
    }

    public String never(Identifier key, NeverReason reason) {
        return texts.get(reason.textKey(), kind(key), key.display());
    }

    public String template(Linked.TemplateMatch match) {
        return texts.get("link.template", match.distance());
    }

    private String kind(Identifier key) {
        return texts.get("kind." + key.kind().id());
    }
}
