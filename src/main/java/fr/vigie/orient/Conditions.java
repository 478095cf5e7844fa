package fr.vigie.orient;

import fr.vigie.report.Channel;
import fr.vigie.report.Loss;
import fr.vigie.report.PaymentMethod;
import java.util.Optional;
import java.util.Set;

/**
 * When a table entry applies. Every condition given must hold (and); within a list, one value is enough (or). An
 * absent condition holds always.
 *
 * @param schemes one of the case's schemes is among these
 * @param minor the victim is (true) or is not (false) a minor
 * @param loss money was (true) or was not (false) lost
 * @param payments one of the losses was paid this way
 * @param channels the message came this way (an unknown channel matches no list)
 * @param countries the victim's country is among these
 */
record Conditions(
        Set<String> schemes,
        Optional<Boolean> minor,
        Optional<Boolean> loss,
        Set<PaymentMethod> payments,
        Set<Channel> channels,
        Set<String> countries) {

    static final Conditions ALWAYS =
            new Conditions(Set.of(), Optional.empty(), Optional.empty(), Set.of(), Set.of(), Set.of());

    boolean holdFor(Case c) {
        return (schemes.isEmpty() || c.schemes().stream().anyMatch(schemes::contains))
                && minor.map(m -> m == c.minor()).orElse(true)
                && loss.map(l -> l == !c.losses().isEmpty()).orElse(true)
                && (payments.isEmpty() || c.losses().stream().map(Loss::method).anyMatch(payments::contains))
                && (channels.isEmpty() || c.channel().filter(channels::contains).isPresent())
                && (countries.isEmpty() || countries.contains(c.country()));
    }

    /** A child-protection entry: it comes before everything else for a minor. */
    boolean forMinorsOnly() {
        return minor.orElse(false);
    }
}
