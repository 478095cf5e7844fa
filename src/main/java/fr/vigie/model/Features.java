package fr.vigie.model;

import fr.vigie.forensics.HeaderFindings;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.identifier.Domain;
import fr.vigie.identifier.Found;
import fr.vigie.identifier.Url;
import fr.vigie.message.Attachment;
import fr.vigie.message.Link;
import fr.vigie.message.MessageKind;
import fr.vigie.message.TextPart;
import fr.vigie.text.NormalisedText;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the model sees of a message: hashed word unigrams and bigrams of the normalised subject and text ({@code
 * w<bucket>}, binary, L2-normalised together), plus named structural features ({@code s:}, {@code id:}, {@code h:}).
 * Header features exist only for e-mails whose headers carry at least one {@code Received} hop (the rebuilt
 * clair-419 letters have none, so their synthetic headers teach nothing); authentication results count only when they
 * failed (a pass is no sign of legitimacy, and the ham corpus predates DKIM and DMARC); MIME types, charsets,
 * {@code X-Mailer} and the language are never features. The recipient's own addresses are removed from the text and
 * never counted. Immutable and thread-safe.
 *
 * @param version the extraction code's version (a model records it; a model of another version is refused)
 * @param buckets the number of hash buckets shared by unigrams and bigrams
 */
public record Features(int version, int buckets) {
    /** The version of the extraction below. */
    public static final int VERSION = 1;

    /** The default: 2^14 buckets keep the gzip'd model near 2 MB with 14 classes. */
    public static final Features DEFAULT = new Features(VERSION, 1 << 14);

    /** The feature groups, as written in model files. */
    public static final List<String> GROUPS = List.of(
            "w: hashed word unigrams+bigrams of NormalisedText(subject+parts), binary, L2-normalised",
            "s:kind=email|text",
            "s:html, s:links (log1p), s:link_text_other_domain",
            "s:attachments (log1p), s:attachment=<exe|script|archive|html|pdf|office|image|other>",
            "id:<kind> (log1p count, recipient's own excluded)",
            "h:mismatch=<code>, h:warning=<code> (not dkim_*), h:<spf|dkim|dmarc>=<fail-like result>; "
                    + "only with >=1 Received hop");

    private static final int MAX_TEXT = 40_000;
    private static final int MAX_TOKEN = 30;
    private static final Pattern DOMAIN_IN_TEXT =
            Pattern.compile("(?i)(?:https?://)?((?:[a-z0-9-]+\\.)+[a-z]{2,24})\\b");
    private static final Set<String> FAILED = Set.of("fail", "softfail", "permerror", "temperror", "neutral", "policy");

    public Features {
        if (buckets < 16) {
            throw new IllegalArgumentException("buckets must be at least 16");
        }
    }

    /**
     * A message's features: names and values in the same order, names unique. {@code buckets} holds, in the same
     * order, the hash bucket of each word feature and -1 for a named one, so that prediction finds a word's weights
     * without reading its name back.
     */
    public record Vector(String[] names, double[] values, int[] buckets) {}

    public Vector extract(Harmonised message) {
        // The named features all start with "h:", "id:" or "s:", so in name order they all come before the words.
        Map<String, Double> named = new TreeMap<>();
        structure(message, named);
        WordNames words = WordNames.of(buckets);
        int[] found = wordBuckets(message, words);
        String[] names = new String[named.size() + found.length];
        double[] values = new double[names.length];
        int[] buckets = new int[names.length];
        int n = 0;
        for (Map.Entry<String, Double> feature : named.entrySet()) {
            names[n] = feature.getKey();
            buckets[n] = -1;
            values[n++] = feature.getValue();
        }
        double value = found.length == 0 ? 0 : 1 / Math.sqrt(found.length);
        for (int bucket : found) {
            names[n] = words.name(bucket);
            buckets[n] = bucket;
            values[n++] = value;
        }
        return new Vector(names, values, buckets);
    }

    /**
     * The distinct buckets of the words and word pairs of a message. Each token is written as UTF-8 into a reused
     * buffer, right after the previous one and a space, and hashed there ({@link WordHash}): the token alone, then the
     * pair. Buckets are marked in a bit set by their rank in name order, so that reading the set gives them in the
     * order a vector lists them, with no sort: a message has thousands of tokens.
     */
    private int[] wordBuckets(Harmonised message, WordNames words) {
        String raw = message.fullText();
        for (String recipient : message.recipients()) {
            raw = raw.replace(recipient, " ");
        }
        if (raw.length() > MAX_TEXT) {
            raw = raw.substring(0, MAX_TEXT);
        }
        String text = NormalisedText.textOf(raw);
        BitSet seen = new BitSet(buckets);
        WordHash hash = new WordHash(VERSION);
        // pair[0, previous) holds the previous token, then a space, then the current token (3 UTF-8 bytes a char).
        byte[] pair = new byte[2 * 3 * MAX_TOKEN + 1];
        byte[] token = new byte[3 * MAX_TOKEN];
        int previous = -1; // length of the previous token in pair, -1 when there is none
        int i = 0;
        int length = text.length();
        while (i < length) {
            if (!fr.vigie.rules.Matcher.Phrases.isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && fr.vigie.rules.Matcher.Phrases.isWordChar(text.charAt(i))) {
                i++;
            }
            int size = token(text, start, i, token);
            if (size < 0) {
                previous = -1;
                continue;
            }
            seen.set(words.rank(bucket(hash.hash(token, size))));
            if (previous >= 0) {
                pair[previous] = ' ';
                System.arraycopy(token, 0, pair, previous + 1, size);
                seen.set(words.rank(bucket(hash.hash(pair, previous + 1 + size))));
            }
            System.arraycopy(token, 0, pair, 0, size);
            previous = size;
        }
        int[] found = new int[seen.cardinality()];
        for (int n = 0, rank = seen.nextSetBit(0); rank >= 0; rank = seen.nextSetBit(rank + 1)) {
            found[n++] = words.bucket(rank);
        }
        return found;
    }

    /**
     * A word as a feature, written as UTF-8 into {@code out}, its length in bytes returned: digits become shapes
     * ({@code 0000}, at most 6 chars), over-long runs (encoded junk) are dropped (-1).
     */
    private static int token(String text, int start, int end, byte[] out) {
        if (end - start > MAX_TOKEN) {
            return -1;
        }
        boolean digits = false;
        for (int k = start; k < end && !digits; k++) {
            digits = Character.isDigit(text.charAt(k));
        }
        int size = 0;
        int chars = digits ? Math.min(end, start + 6) : end;
        for (int k = start; k < chars; k++) {
            char c = text.charAt(k);
            size = WordHash.putUtf8(digits && Character.isDigit(c) ? '0' : c, out, size);
        }
        return size;
    }

    private int bucket(int hash) {
        return Math.floorMod(hash, buckets);
    }

    private static void structure(Harmonised message, Map<String, Double> features) {
        features.put("s:kind=" + message.kind().id(), 1.0);
        int links = 0;
        boolean html = false;
        boolean otherDomain = false;
        for (TextPart part : message.parts()) {
            html |= part.fromHtml();
            links += part.links().size();
            for (Link link : part.links()) {
                otherDomain |= linkTextNamesOtherDomain(part.text(), link);
            }
        }
        put(features, "s:html", html ? 1 : 0);
        put(features, "s:links", Math.log1p(links));
        put(features, "s:link_text_other_domain", otherDomain ? 1 : 0);
        put(features, "s:attachments", Math.log1p(message.attachments().size()));
        for (Attachment attachment : message.attachments()) {
            features.put("s:attachment=" + attachmentType(attachment), 1.0);
        }
        Set<String> own = new HashSet<>(message.recipients());
        Map<String, Integer> kinds = new TreeMap<>();
        for (Found found : message.identifiers()) {
            if (!own.contains(found.identifier().normalized())) {
                kinds.merge(found.identifier().kind().id(), 1, Integer::sum);
            }
        }
        kinds.forEach((kind, count) -> features.put("id:" + kind, Math.log1p(count)));
        if (message.kind() == MessageKind.EMAIL) {
            message.findings().filter(f -> !f.hops().isEmpty()).ifPresent(f -> headers(f, features));
        }
    }

    private static void headers(HeaderFindings findings, Map<String, Double> features) {
        findings.mismatches().forEach(m -> features.put("h:mismatch=" + m.code(), 1.0));
        findings.warnings().stream()
                .filter(w -> !w.code().startsWith("dkim_"))
                .forEach(w -> features.put("h:warning=" + w.code(), 1.0));
        HeaderFindings.Authentication auth = findings.authentication();
        verdict("spf", auth.spf(), features);
        verdict("dkim", auth.dkim(), features);
        verdict("dmarc", auth.dmarc(), features);
    }

    private static void verdict(String method, HeaderFindings.Verdict verdict, Map<String, Double> features) {
        String result = verdict.result().toLowerCase(Locale.ROOT);
        if (verdict.trusted() && FAILED.contains(result)) {
            features.put("h:" + method + "=" + result, 1.0);
        }
    }

    /** True when a link's visible text names a domain other than its target's (text "paypal.com", href elsewhere). */
    static boolean linkTextNamesOtherDomain(String partText, Link link) {
        if (link.start() < 0 || link.end() > partText.length() || link.start() >= link.end()) {
            return false;
        }
        String linkText = partText.substring(link.start(), link.end());
        if (linkText.indexOf('.') < 0) {
            return false; // most link texts show no domain, and a domain has a dot
        }
        Matcher m = DOMAIN_IN_TEXT.matcher(linkText);
        if (!m.find()) {
            return false;
        }
        Optional<String> shown = Domain.parse(m.group(1)).map(Domain::organisation);
        Optional<String> target = Url.parse(link.href()).map(Url::domain).map(Domain::organisation);
        return shown.isPresent() && target.isPresent() && !shown.get().equals(target.get());
    }

    private static String attachmentType(Attachment attachment) {
        String name = attachment.filename() == null ? "" : attachment.filename().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "exe", "scr", "com", "msi", "bat", "cmd", "pif" -> "exe";
            case "js", "vbs", "jar", "ps1", "hta", "wsf", "lnk" -> "script";
            case "zip", "rar", "7z", "gz", "tar", "iso", "img", "cab" -> "archive";
            case "htm", "html", "shtml", "svg" -> "html";
            case "pdf" -> "pdf";
            case "doc", "docx", "docm", "xls", "xlsx", "xlsm", "ppt", "pptx", "rtf", "odt" -> "office";
            case "png", "jpg", "jpeg", "gif", "bmp", "webp" -> "image";
            default -> "other";
        };
    }

    private static void put(Map<String, Double> features, String name, double value) {
        if (value != 0) {
            features.put(name, value);
        }
    }
}
