package fr.vigie.orient;

import fr.vigie.rules.Bilingual;

/**
 * One entry of a routing table: a service (or, in the universal table, a step of the person's own), what it
 * handles, how to reach it, when it applies, how urgent it is, the words shown to the victim, and where it was
 * checked.
 */
record Entry(
        String id,
        String service,
        Bilingual handles,
        Step.Contact contact,
        Conditions when,
        Urgency urgency,
        Bilingual title,
        Bilingual reason,
        String source,
        String checked) {}
