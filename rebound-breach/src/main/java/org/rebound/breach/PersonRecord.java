package org.rebound.breach;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one row or line says about one person: identifying values in normal form (e-mail lower-case,
 * phone E.164, date of birth ISO, postcode upper-case without spaces) and the categories of data
 * exposed about them there. Serializable, for the Spark job.
 */
public record PersonRecord(
        Source source,
        List<String> names,
        List<String> emails,
        List<String> phones,
        @Nullable String dateOfBirth,
        @Nullable String postcode,
        @Nullable String residence,
        List<String> customerIds,
        List<String> nationalIds,
        Set<Category> categories) implements Serializable {

    public PersonRecord {
        names = List.copyOf(names);
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        customerIds = List.copyOf(customerIds);
        nationalIds = List.copyOf(nationalIds);
        categories = categories.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    /** Whether this record identifies somebody, so it belongs in the register. */
    public boolean identifiesSomebody() {
        return !names.isEmpty() || !emails.isEmpty() || !phones.isEmpty() || !customerIds.isEmpty()
                || !nationalIds.isEmpty();
    }

    /**
     * The keys two records of the same person share: e-mail, phone, customer id, national id, and
     * name with date of birth or postcode. A name alone is never a key: many people share one.
     */
    public List<String> identityKeys() {
        List<String> keys = new ArrayList<>();
        forEachIdentityKey((kind, value, qualifier) -> keys.add(qualifier == null ? kind + ":" + value : kind + ":" + value + "|" + qualifier));
        return keys;
    }

    /** Receives identity keys in parts: the key is {@code kind:value}, or {@code kind:value|qualifier}. */
    interface KeyParts {
        void accept(String kind, String value, @Nullable String qualifier);
    }

    /** The {@link #identityKeys} in parts, without building them: every record found is hashed by its keys. */
    void forEachIdentityKey(KeyParts keys) {
        emails.forEach(email -> keys.accept("email", email, null));
        phones.forEach(phone -> keys.accept("phone", phone, null));
        customerIds.forEach(id -> keys.accept("customer", id, null));
        nationalIds.forEach(id -> keys.accept("national-id", id, null));
        if (dateOfBirth == null && postcode == null) {
            return;
        }
        for (String name : names) {
            String normal = Names.normal(name);
            if (dateOfBirth != null) {
                keys.accept("name-dob", normal, dateOfBirth);
            }
            if (postcode != null) {
                keys.accept("name-postcode", normal, postcode);
            }
        }
    }
}
