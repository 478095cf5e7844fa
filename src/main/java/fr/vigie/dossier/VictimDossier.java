package fr.vigie.dossier;

import fr.vigie.report.Report;
import java.util.List;

/**
 * What a victim's complaint dossier is made of: the stored report (never the reporter's identity), the chain of
 * custody of its evidence files, and the services to contact in order.
 */
public record VictimDossier(Report report, List<CustodyEntry> custody, List<DossierStep> steps) {
    public VictimDossier {
        custody = List.copyOf(custody);
        steps = List.copyOf(steps);
    }
}
