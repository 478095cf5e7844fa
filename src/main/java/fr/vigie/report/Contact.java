package fr.vigie.report;

import java.util.Objects;
import java.util.Optional;

/**
 * Who reported, and how to reach them: personal data, stored in its own table and never shown to analysts (they see
 * a pseudonym). Every field is optional; a report may be anonymous.
 */
public record Contact(Optional<String> name, Optional<String> email, Optional<String> phone) {
    public Contact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
    }

    public boolean isEmpty() {
        return name.isEmpty() && email.isEmpty() && phone.isEmpty();
    }
}
