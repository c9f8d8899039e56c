/**
 * The JSON shape of a recovery plan, shared by the REST API and {@code rebound plan --json};
 * docs/planning.md documents it.
 */
@NullMarked
package org.rebound.planning.view;

import org.jspecify.annotations.NullMarked;
