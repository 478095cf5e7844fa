package fr.vigie.orient;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing to do, in the language asked for: what ({@code title}), why in this case ({@code reason}), whom to
 * reach and how ({@code contact}, empty for the person's own steps), and how soon.
 *
 * @param serviceId a stable lower_snake id: the service ({@code bank}, {@code perceval}, {@code pharos}...) or the
 *     person's own step ({@code do_not_pay}, {@code keep_evidence}...)
 */
public record Step(String serviceId, String title, String reason, Contact contact, Urgency urgency) {
    public Step {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(urgency, "urgency");
    }

    /** How to reach a service: a site, a phone number, a place; each may be absent. */
    public record Contact(Optional<String> site, Optional<String> phone, Optional<String> address) {
        public static final Contact NONE = new Contact(Optional.empty(), Optional.empty(), Optional.empty());

        public Contact {
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(address, "address");
        }

        public boolean isEmpty() {
            return site.isEmpty() && phone.isEmpty() && address.isEmpty();
        }
    }
}
