/** The JSON shape of evaluated obligations, shared by {@code rebound obligations --json} and the REST API. */
@NullMarked
package org.rebound.obligations.view;

import org.jspecify.annotations.NullMarked;
