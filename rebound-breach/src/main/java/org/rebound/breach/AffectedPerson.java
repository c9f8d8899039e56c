package org.rebound.breach;

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
        List<Source> sources) {

    public AffectedPerson {
        names = List.copyOf(names);
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        categories = Set.copyOf(categories);
        countries = List.copyOf(countries);
        sources = List.copyOf(sources);
    }

    /** The category ids in {@link Category} order, as written to the register. */
    public List<String> categoryIds() {
        return categories.stream().sorted().map(Category::id).toList();
    }
}
