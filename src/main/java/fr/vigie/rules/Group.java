package fr.vigie.rules;

/**
 * A family of rules whose weights add up to at most {@code maxScore}, so that one family (ten urgency phrases,
 * say) cannot make a verdict on its own (rspamd's {@code max_score}).
 */
public record Group(String id, double maxScore, Bilingual description) {}
