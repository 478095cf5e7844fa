package fr.vigie.http;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON bodies of {@code GET /api/indicators/{kind}/{value}} as sent, kept by request (kind, value as sent,
 * {@code max}, language) with the store's {@link fr.vigie.store.Store#lookupsVersion() look-ups version} read before
 * they were made: a look-up asked again while that version stays is answered with the same bytes, without parsing
 * the value again, reading the store's figures or rendering JSON. The store keeps its figures by value already
 * (its look-ups cost no query when asked again); what this saves is the rest of the answer's making, most of a
 * kept look-up's time on the server. Any write that changes what a look-up shows moves the version on, and every
 * body kept before is then made again when asked.
 *
 * <p>Thread-safe.
 */
final class IndicatorAnswers {
    /** At most this many bodies are kept (a few hundred bytes each, a few thousand for a value in many reports). */
    static final int MAX_KEPT = 50_000;

    private record Kept(long version, byte[] body) {}

    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();

    /** The request's key: everything the answer depends on besides the store. */
    static String key(String kind, String value, int max, String lang) {
        return kind + '\n' + max + '\n' + lang + '\n' + value;
    }

    /** The body kept for this request, if made at {@code version}. */
    Optional<byte[]> get(String key, long version) {
        Kept k = kept.get(key);
        return k != null && k.version() == version ? Optional.of(k.body()) : Optional.empty();
    }

    /** Keeps the body made for this request after reading {@code version}. */
    void put(String key, long version, byte[] body) {
        if (kept.size() >= MAX_KEPT) {
            // A tenth goes, in the map's own order (by hash: as good as at random); a request made again comes back.
            Iterator<String> keys = kept.keySet().iterator();
            for (int i = 0; i < MAX_KEPT / 10 && keys.hasNext(); i++) {
                keys.next();
                keys.remove();
            }
        }
        kept.put(key, new Kept(version, body));
    }
}
