package org.rebound.breach;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.WithNull;

class KeyHashProperties {

    @Property
    void aKeyHashedInPartsHashesAsTheWholeKey(@ForAll String value, @ForAll @WithNull(0.3) String qualifier) {
        String key = qualifier == null ? "name-dob:" + value : "name-dob:" + value + "|" + qualifier;
        long[] inParts = new long[4];

        KeyHash.of("name-dob", value, qualifier, inParts, 2);

        assertThat(new long[] {inParts[2], inParts[3]}).containsExactly(KeyHash.of(key));
    }
}
