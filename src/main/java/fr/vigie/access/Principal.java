package fr.vigie.access;

import java.util.Optional;

/** Who sent a request, as far as its credentials say. */
public sealed interface Principal {
    /** How this principal is named in custody records, status history and access events. */
    String actor();

    /** No credentials at all. */
    record Anonymous() implements Principal {
        @Override
        public String actor() {
            return "anonymous";
        }
    }

    /**
     * A bearer that is not an API key: a report's follow-up token, perhaps. Whether it opens the report named in
     * the path is for the route to check (a wrong token answers as an unknown id).
     */
    record FollowUpToken(String token) implements Principal {
        @Override
        public String actor() {
            return "victim";
        }
    }

    /**
     * A person signed in (with the CSRF token of their session) or a service account's API key (no CSRF: a key is
     * never sent by a browser on its own).
     */
    record Staff(String name, Role role, Optional<String> csrf) implements Principal {
        @Override
        public String actor() {
            return role.id() + ":" + name;
        }
    }
}
