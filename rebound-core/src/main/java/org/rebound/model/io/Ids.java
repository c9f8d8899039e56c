package org.rebound.model.io;

import java.util.regex.Pattern;

/** The spelling of ids in the model: one word, so that ids read well in lists, URLs and logs. */
final class Ids {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

    private Ids() {
    }

    static boolean isValid(String id) {
        return VALID.matcher(id).matches();
    }
}
