/**
 * Where Rebound keeps its data: an H2 file database in the data directory by default, or
 * PostgreSQL for a team server. The schema is migrated with Flyway on every start.
 */
@NullMarked
package org.rebound.storage;

import org.jspecify.annotations.NullMarked;
