package fr.vigie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.identifier.Identifier;
import fr.vigie.report.NewReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkloadTest {
    private static List<NewReport> reports(long seed, int n) {
        Workload workload = new Workload(seed);
        return IntStream.range(0, n).mapToObj(i -> workload.next()).toList();
    }

    @Test
    void theSameSeedGivesTheSameReports() {
        assertThat(reports(7, 200)).isEqualTo(reports(7, 200));
        assertThat(reports(7, 50)).isNotEqualTo(reports(8, 50));
    }

    @Test
    void afewIdentifiersAreSharedByManyReportsAndMostByOne() {
        Map<String, Integer> counts = new HashMap<>();
        for (NewReport r : reports(1, 5_000)) {
            assertThat(r.declared()).hasSizeBetween(3, 8);
            for (Identifier id : r.declared()) {
                if (!id.normalized().equals("gmail.com") && !id.normalized().startsWith("victim")) {
                    counts.merge(id.kind().id() + ":" + id.normalized(), 1, Integer::sum);
                }
            }
        }
        long once = counts.values().stream().filter(c -> c == 1).count();
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();

        assertThat(once).isGreaterThan(counts.size() / 2);
        assertThat(most).isGreaterThan(100);
    }
}
