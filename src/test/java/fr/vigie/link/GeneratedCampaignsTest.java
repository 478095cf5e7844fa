package fr.vigie.link;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.bench.Workload;
import fr.vigie.identifier.Identifier;
import fr.vigie.report.Contact;
import fr.vigie.report.NewReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Linking checked against the truth of the synthetic workload ({@code vigie generate}): the generator knows which
 * campaign each report was made for, and which reports carry a mule account shared by two campaigns. Linking must
 * never join what was made apart: the free-mail domain and the victim's own address every report may carry, nor the
 * values a few percent of all reports carry whatever their campaign (which only the "too common" demotion stops,
 * taking back the links they made while they were rare). It must find almost every campaign whole (by its identifiers and its letter).
 */
class GeneratedCampaignsTest {
    private static final int REPORTS = 4_000;

    @Test
    void linkingFindsTheGeneratedCampaignsAndJoinsNothingElse() {
        Workload workload = new Workload(11);
        // A young store: under the default floor (a value may reach 100 reports before it can be too common) the
        // generator's common values, a few percent of 4,000 reports, would still link; the share rule is what
        // must demote them, so the floor is lowered to what a store of this size allows.
        Desk desk =
                new Desk(new Linker(new LinkPolicy(LinkerTest.LINKER.policy().never(), 0.01, 20)));
        Truth truth = new Truth();
        for (int n = 0; n < REPORTS; n++) {
            Workload.Generated generated = workload.nextGenerated();
            NewReport report = generated.report();
            desk.post(victimOwn(report), report.declared(), List.of(report.narrative()));
            truth.add(n, generated);
        }

        Map<Integer, Set<Integer>> trueGroupsByFoundCampaign = new HashMap<>();
        Map<Integer, Map<Integer, Integer>> foundCampaignsByTrueGroup = new HashMap<>();
        for (int n = 0; n < REPORTS; n++) {
            int found = desk.campaigns().campaignOf(n);
            int group = truth.groupOf(n);
            trueGroupsByFoundCampaign
                    .computeIfAbsent(found, f -> new HashSet<>())
                    .add(group);
            foundCampaignsByTrueGroup
                    .computeIfAbsent(group, g -> new HashMap<>())
                    .merge(found, 1, Integer::sum);
        }
        // Precision: every campaign found lies within one true group.
        assertThat(trueGroupsByFoundCampaign.values())
                .allSatisfy(groups -> assertThat(groups).hasSize(1));
        // Recall: almost every report is in its true group's main campaign.
        int inMain = foundCampaignsByTrueGroup.values().stream()
                .mapToInt(counts -> counts.values().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElseThrow())
                .sum();
        assertThat(inMain).isGreaterThanOrEqualTo(REPORTS * 95 / 100);
        assertThat(trueGroupsByFoundCampaign).hasSizeGreaterThan(REPORTS / 10);
    }

    private static Set<String> victimOwn(NewReport report) {
        return report.reporter()
                .flatMap(Contact::email)
                .map(e -> Set.of(e.toLowerCase(Locale.ROOT)))
                .orElse(Set.of());
    }

    /** The generated campaigns, joined where a shared hub account really joins them: what linking should find. */
    private static final class Truth {
        private final Campaigns groups = new Campaigns();
        private final Map<Integer, Integer> firstOfCampaign = new HashMap<>();
        private final Map<Identifier, Integer> firstWithHub = new HashMap<>();
        private final List<Integer> reports = new ArrayList<>();

        void add(int n, Workload.Generated generated) {
            groups.add(n);
            reports.add(n);
            Integer first = firstOfCampaign.putIfAbsent(generated.campaign(), n);
            if (first != null) {
                groups.link(first, n);
            }
            generated.hub().ifPresent(hub -> {
                Integer other = firstWithHub.putIfAbsent(hub, n);
                if (other != null) {
                    groups.link(other, n);
                }
            });
        }

        int groupOf(int n) {
            return groups.campaignOf(n);
        }
    }
}
