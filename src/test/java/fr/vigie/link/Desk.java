package fr.vigie.link;

import fr.vigie.identifier.Identifier;
import fr.vigie.identifier.Identifiers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** What the store will do, in memory: post each report, link it, join campaigns along the edges, keep the edges. */
final class Desk {
    static final Identifiers IDENTIFIERS = new Identifiers();

    final Linker linker;
    final MemoryPostings postings;
    final CampaignForest forest = new CampaignForest();
    final List<Campaigns.Edge> edges = new ArrayList<>();
    private int next;

    Desk(Linker linker) {
        this.linker = linker;
        this.postings = new MemoryPostings(linker.policy());
    }

    /** The campaigns so far. */
    Campaigns campaigns() {
        return forest.campaigns();
    }

    /** A report with these identifiers (as an analyst types them) and no message text. */
    Linked report(String... identifiers) {
        return report(Set.of(), List.of(identifiers), List.of());
    }

    Linked report(Set<String> victimOwn, List<String> identifiers, List<String> texts) {
        return post(victimOwn, identifiers.stream().map(Desk::id).toList(), texts);
    }

    /** A report with these identifiers, already in normal form. */
    Linked post(Set<String> victimOwn, List<Identifier> identifiers, List<String> texts) {
        int report = next++;
        Posting posting = linker.post(report, identifiers, victimOwn, texts);
        forest.add(report);
        forest.takeBack(postings.post(posting));
        Linked linked = linker.link(posting, postings);
        for (Linked.Link link : linked.links()) {
            if (link.decision().strong()) {
                link.with()
                        .forEach(other -> forest.join(
                                report,
                                other,
                                CampaignForest.via(link.decision().key())));
            }
        }
        linked.templates().forEach(match -> forest.join(report, match.with(), CampaignForest.TEMPLATE));
        edges.addAll(linked.edges());
        return linked;
    }

    /** What the next report would be posted under, without posting it. */
    Posting postingOf(Set<String> victimOwn, String... identifiers) {
        return linker.post(next, Arrays.stream(identifiers).map(Desk::id).toList(), victimOwn, List.of());
    }

    static Identifier id(String written) {
        return IDENTIFIERS
                .parseAny(written)
                .orElseThrow(() -> new IllegalArgumentException("not an identifier: " + written));
    }

    static String fixture(String name) {
        try (InputStream in = Desk.class.getResourceAsStream("/link/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
