package fr.vigie.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every rule, group and composite, validated together, with the warning lists the link rules read. Immutable.
 * Built by {@link RuleFiles#parse}.
 */
public record RuleSet(
        List<Rule> rules, List<Group> groups, List<Composite> composites, Map<String, WarningList> lists) {

    /** The scheme ids of the taxonomy (product.md), plus {@link #ANY} for signs shared by many schemes. */
    public static final Set<String> SCHEMES = Set.copyOf(Schemes.ALL);

    public static final String ANY = "any";

    public RuleSet {
        rules = List.copyOf(rules);
        groups = List.copyOf(groups);
        composites = List.copyOf(composites);
        lists = Map.copyOf(lists);
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    public Optional<Group> group(String id) {
        return groups.stream().filter(group -> group.id().equals(id)).findFirst();
    }

    /** Groups by id, in file order. */
    public Map<String, Group> groupsById() {
        Map<String, Group> byId = new LinkedHashMap<>();
        groups.forEach(group -> byId.put(group.id(), group));
        return byId;
    }
}
