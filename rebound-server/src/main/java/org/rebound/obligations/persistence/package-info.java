/** Storage of the organisation profile, incident facts, materiality decisions, notices and deadline alerts. */
@NullMarked
package org.rebound.obligations.persistence;

import org.jspecify.annotations.NullMarked;
