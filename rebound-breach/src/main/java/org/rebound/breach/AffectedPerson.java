package org.rebound.breach;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One row of the affected-people register: a person found in the stolen data, with every name,
 * e-mail and phone the records gave, the categories of data exposed about them, where they live
 * (ISO 3166-1 alpha-2, or ISO 3166-2 for US states) and every place they were found.
 */
public record AffectedPerson(
        String personKey,
        List<String> names,
        List<String> emails,
        List<String> phones,
        Set<Category> categories,
        List<String> countries,
        List<Source> sources) implements java.io.Serializable {

    public AffectedPerson {
        names = List.copyOf(names);
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        categories = categories.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(categories));
        countries = List.copyOf(countries);
        sources = List.copyOf(sources);
    }

    /** The register row of one person from all of their records (in any order). */
    public static AffectedPerson merge(long personKey, Iterable<PersonRecord> records) {
        PersonAggregate aggregate = new PersonAggregate(personKey);
        records.forEach(aggregate::add);
        return aggregate.toPerson();
    }

    /** The category ids in {@link Category} order, as written to the register. */
    public List<String> categoryIds() {
        List<String> ids = new ArrayList<>(categories.size());
        for (Category category : categories) {
            ids.add(category.id());
        }
        return ids;
    }
}
