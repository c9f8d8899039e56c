package org.rebound.breach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The records of one person gathered into their register row. */
final class PersonAggregate {

    private final long personKey;
    private final Set<String> names = new LinkedHashSet<>();
    private final Set<String> emails = new TreeSet<>();
    private final Set<String> phones = new TreeSet<>();
    private final Set<Category> categories = EnumSet.noneOf(Category.class);
    private final Set<String> countries = new TreeSet<>();
    private final List<Source> sources = new ArrayList<>();

    PersonAggregate(long personKey) {
        this.personKey = personKey;
    }

    void add(PersonRecord record) {
        names.addAll(record.names());
        emails.addAll(record.emails());
        phones.addAll(record.phones());
        categories.addAll(record.categories());
        if (record.residence() != null) {
            countries.add(record.residence());
        }
        sources.add(record.source());
    }

    AffectedPerson toPerson() {
        List<Source> ordered = new ArrayList<>(sources);
        ordered.sort(Comparator.comparing(Source::file).thenComparingLong(Source::line));
        List<String> sortedNames = new ArrayList<>(names);
        sortedNames.sort(Comparator.naturalOrder());
        return new AffectedPerson(IdentityResolver.format(personKey), sortedNames, List.copyOf(emails),
                List.copyOf(phones), categories, List.copyOf(countries), ordered);
    }
}
