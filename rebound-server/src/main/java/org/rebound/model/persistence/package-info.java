/** Imported versions of the enterprise model, kept in the database. */
@NullMarked
package org.rebound.model.persistence;

import org.jspecify.annotations.NullMarked;
