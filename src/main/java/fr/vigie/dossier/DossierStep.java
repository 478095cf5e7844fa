package fr.vigie.dossier;

import java.util.Objects;

/**
 * One service to contact, as the victim's dossier lists it: what to do, why, and how to reach the service. The
 * router's steps are mapped to these by whoever wires both ({@code app}).
 *
 * @param contact a phone number, a site or an address; may be empty
 */
public record DossierStep(String title, String reason, String contact) {
    public DossierStep {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(contact, "contact");
    }
}
