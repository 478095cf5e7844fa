package fr.vigie.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CampaignsTest {

    @Test
    void aReportAloneIsItsOwnCampaign() {
        Campaigns campaigns = new Campaigns();
        campaigns.add(7);
        assertThat(campaigns.campaignOf(7)).isEqualTo(7);
        assertThat(campaigns.sizeOf(7)).isEqualTo(1);
        assertThat(campaigns.contains(6)).isFalse();
        assertThatThrownBy(() -> campaigns.campaignOf(6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMergedCampaignKeepsTheIdOfItsEarliestReportWhicheverIsBigger() {
        Campaigns campaigns = new Campaigns();
        campaigns.link(10, 11);
        campaigns.link(11, 12);
        campaigns.link(12, 13); // campaign 10: four reports
        campaigns.link(3, 20); // campaign 3: two reports, but older

        assertThat(campaigns.link(13, 20)).contains(new Campaigns.Merge(3, 10));
        assertThat(IntStream.of(3, 10, 11, 12, 13, 20).map(campaigns::campaignOf))
                .containsOnly(3);
        assertThat(campaigns.sizeOf(20)).isEqualTo(6);
        assertThat(campaigns.link(3, 13)).isEmpty();
    }

    @Test
    void anIncrementalHistoryEqualsARebuildFromTheSameEdgesWhateverTheOrder() {
        SplittableRandom random = new SplittableRandom(20261128);
        for (int round = 0; round < 50; round++) {
            int reports = 1 + random.nextInt(300);
            List<Campaigns.Edge> edges = new ArrayList<>();
            for (int i = random.nextInt(reports); i > 0; i--) {
                edges.add(new Campaigns.Edge(random.nextInt(reports), random.nextInt(reports)));
            }
            int[] all = IntStream.range(0, reports).toArray();
            Campaigns rebuilt = Campaigns.rebuild(all, edges);

            // Reports arrive in order and each edge comes with its later report, as the linker finds them...
            Campaigns incremental = new Campaigns();
            List<Campaigns.Edge> byArrival = new ArrayList<>(edges);
            byArrival.sort((x, y) -> Integer.compare(Math.max(x.a(), x.b()), Math.max(y.a(), y.b())));
            int edge = 0;
            for (int report = 0; report < reports; report++) {
                incremental.add(report);
                while (edge < byArrival.size()
                        && Math.max(byArrival.get(edge).a(), byArrival.get(edge).b()) == report) {
                    incremental.link(
                            byArrival.get(edge).a(), byArrival.get(edge).b());
                    edge++;
                }
            }
            // ...and in any other order.
            List<Campaigns.Edge> shuffled = new ArrayList<>(edges);
            for (int i = shuffled.size() - 1; i > 0; i--) {
                Collections.swap(shuffled, i, random.nextInt(i + 1));
            }
            Campaigns otherOrder = Campaigns.rebuild(all, shuffled);

            for (int report = 0; report < reports; report++) {
                assertThat(incremental.campaignOf(report)).isEqualTo(rebuilt.campaignOf(report));
                assertThat(otherOrder.campaignOf(report)).isEqualTo(rebuilt.campaignOf(report));
                assertThat(incremental.sizeOf(report)).isEqualTo(rebuilt.sizeOf(report));
            }
        }
    }

    @Test
    void theLinkersEdgesRebuildTheSameCampaigns() {
        Desk desk = new Desk(LinkerTest.LINKER);
        desk.report("FR76 3000 6000 0112 3456 7890 189");
        desk.report("+33 7 56 78 90 12");
        desk.report("fr7630006000011234567890189", "+33756789012");
        desk.report("escroc@secure-ameli.fr");
        desk.report("https://secure-ameli.fr/login");

        Campaigns rebuilt = Campaigns.rebuild(IntStream.range(0, 5).toArray(), desk.edges);
        for (int report = 0; report < 5; report++) {
            assertThat(rebuilt.campaignOf(report)).isEqualTo(desk.campaigns().campaignOf(report));
        }
        assertThat(IntStream.range(0, 5).map(desk.campaigns()::campaignOf)).containsExactly(0, 0, 0, 3, 3);
    }
}
