package fr.vigie.identifier;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The entry point of this package: finds every identifier in a text ({@link #extract}) or reads one typed by an
 * analyst ({@link #parseAny}). Immutable and thread-safe; build one per set of options and share it.
 */
public final class Identifiers {
    /** Every extractor, strongest kinds first; overlaps are settled afterwards by {@link Candidates}. */
    private static final List<Extractor> EXTRACTORS = List.of(
            new LinkExtractor(),
            new EmailExtractor(),
            new IbanExtractor(),
            new CryptoExtractor(),
            new CouponExtractor(),
            new CardExtractor(),
            new MtcnExtractor(),
            new HandleExtractor(),
            new PhoneExtractor(),
            new IpExtractor(),
            new AliasExtractor());

    private final ExtractOptions options;

    public Identifiers(ExtractOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Identifiers() {
        this(ExtractOptions.DEFAULT);
    }

    public ExtractOptions options() {
        return options;
    }

    /**
     * Every identifier in {@code text}, ordered by start offset, with spans into {@code text} itself (defanged forms
     * are understood, and the span covers what was written). Where two identifiers overlap the stronger kind is
     * kept; a profile link keeps the handle or phone it names beside it, at the same span. At most
     * {@link ExtractOptions#maxIdentifiers()} are returned; {@link Extraction#truncated()} says when more were found.
     *
     * @param part where the text comes from, as {@link fr.vigie.message.Span#part()} names it
     */
    public Extraction extract(String text, String part) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(part, "part");
        Deobfuscated source = Deobfuscated.of(text);
        Candidates candidates = new Candidates(source, options.defaultRegion());
        for (Extractor extractor : EXTRACTORS) {
            extractor.extract(source.text(), candidates);
        }
        return candidates.resolve(part, options.maxIdentifiers());
    }

    /**
     * The identifier an analyst typed ({@code vigie lookup VALUE}), its kind inferred. The kinds whose syntax
     * cannot be mistaken are tried first (IBAN, Ethereum, Bitcoin, Tron, e-mail, link with a scheme, IP), then card,
     * phone and MTCN, then {@code platform:name} handles and {@code brand:CODE} coupons, then a link without scheme
     * and a bare domain. {@code alias:Name} gives an alias. Empty if nothing fits.
     */
    public Optional<Identifier> parseAny(String value) {
        if (value == null || value.isBlank() || value.length() > 4096) {
            return Optional.empty();
        }
        String written = value.strip();
        String plain = Deobfuscated.of(written).text();
        List<Function<String, Optional<? extends Identifier>>> readers = List.of(
                Iban::parse,
                Eth::parse,
                Btc::parse,
                Trx::parse,
                text -> text.indexOf('@') > 0 ? Email.parse(text) : Optional.empty(),
                text -> text.contains("://") ? Url.parse(text) : Optional.empty(),
                Ip::parse,
                Card::parse,
                text -> Phone.parse(text, options.defaultRegion()),
                Mtcn::parse,
                Identifiers::prefixed,
                text -> text.indexOf('/') > 0 || text.regionMatches(true, 0, "www.", 0, 4)
                        ? Url.parse(text)
                        : Optional.empty(),
                Domain::parse);
        for (Function<String, Optional<? extends Identifier>> reader : readers) {
            Optional<? extends Identifier> found = reader.apply(plain);
            if (found.isPresent()) {
                return Optional.of(found.get());
            }
        }
        return Optional.empty();
    }

    /**
     * An identifier as the store keeps it, its kind and normal form, read back by that kind's reader alone (a link
     * rebuild reads millions: {@link #parseAny} tries every reader in turn, after undoing obfuscation). Empty if the
     * value is not a normal form of that kind.
     */
    public Optional<Identifier> stored(Kind kind, String normalized) {
        Optional<? extends Identifier> read = switch (kind) {
            case EMAIL -> Email.parse(normalized);
            case PHONE -> Phone.parse(normalized, options.defaultRegion());
            case URL -> Url.parse(normalized);
            case DOMAIN -> Domain.parse(normalized);
            case IP -> Ip.parse(normalized);
            case IBAN -> Iban.parse(normalized);
            case BTC -> Btc.parse(normalized);
            case ETH -> Eth.parse(normalized);
            case TRX -> Trx.parse(normalized);
            case MTCN -> Mtcn.parse(normalized);
            case COUPON -> Coupon.parse(normalized);
            case HANDLE -> Handle.parse(normalized);
            case CARD -> Card.parse(normalized);
            case ALIAS -> Alias.parse(normalized);
        };
        return read.filter(id -> id.kind() == kind && id.normalized().equals(normalized))
                .map(Identifier.class::cast);
    }

    /** {@code platform:name}, {@code brand:CODE} or {@code alias:Name}. */
    private static Optional<? extends Identifier> prefixed(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String prefix = text.substring(0, colon).strip();
        if (prefix.equalsIgnoreCase("alias")) {
            return Alias.parse(text.substring(colon + 1));
        }
        Optional<Handle> handle = Handle.parse(text);
        return handle.isPresent() ? handle : Coupon.parse(text);
    }
}
