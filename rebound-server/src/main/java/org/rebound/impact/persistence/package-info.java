/** System state changes and incident activations, kept append-only in the database. */
@NullMarked
package org.rebound.impact.persistence;

import org.jspecify.annotations.NullMarked;
