/**
 * The JSON shapes of impact results, shared by the REST API and {@code rebound impact --json} so the
 * two never drift apart. Field names are written in snake_case; docs/impact.md documents them.
 */
@NullMarked
package org.rebound.impact.view;

import org.jspecify.annotations.NullMarked;
