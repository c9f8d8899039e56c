package org.rebound.breach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The records of one person gathered into their register row. Most people have one or two records,
 * so the records are kept as they come and merged only when the row is built.
 */
final class PersonAggregate {

    private final long personKey;
    private final List<PersonRecord> records = new ArrayList<>(2);

    PersonAggregate(long personKey) {
        this.personKey = personKey;
    }

    long personKey() {
        return personKey;
    }

    void add(PersonRecord record) {
        records.add(record);
    }

    AffectedPerson toPerson() {
        if (records.size() == 1) {
            PersonRecord only = records.get(0);
            return new AffectedPerson(IdentityResolver.format(personKey), sorted(only.names()), sorted(only.emails()),
                    sorted(only.phones()), only.categories(), only.residence() == null ? List.of() : List.of(only.residence()),
                    List.of(only.source()));
        }
        Set<String> names = new TreeSet<>();
        Set<String> emails = new TreeSet<>();
        Set<String> phones = new TreeSet<>();
        Set<Category> categories = EnumSet.noneOf(Category.class);
        Set<String> countries = new TreeSet<>();
        List<Source> sources = new ArrayList<>(records.size());
        for (PersonRecord record : records) {
            names.addAll(record.names());
            emails.addAll(record.emails());
            phones.addAll(record.phones());
            categories.addAll(record.categories());
            if (record.residence() != null) {
                countries.add(record.residence());
            }
            sources.add(record.source());
        }
        sources.sort(Comparator.comparing(Source::file).thenComparingLong(Source::line));
        return new AffectedPerson(IdentityResolver.format(personKey), List.copyOf(names), List.copyOf(emails),
                List.copyOf(phones), categories, List.copyOf(countries), sources);
    }

    private static List<String> sorted(List<String> values) {
        if (values.size() < 2) {
            return values;
        }
        List<String> copy = new ArrayList<>(values);
        copy.sort(Comparator.naturalOrder());
        return copy;
    }
}
