package fr.vigie.rules;

/**
 * A rule over other rules: it fires when its boolean {@code expression} over rule ids holds for the rules that
 * fired (rspamd composites). Its weight adds to theirs.
 */
public record Composite(
        String id,
        Expression expression,
        String scheme,
        String group,
        double weight,
        int version,
        Bilingual explanation,
        String file) {}
