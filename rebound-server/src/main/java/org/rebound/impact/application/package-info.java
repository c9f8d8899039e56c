/**
 * The live incident: the current model, the state of every system derived from the event log, and
 * the impact on the business now. State changes are recorded, audited and applied incrementally.
 */
@NullMarked
package org.rebound.impact.application;

import org.jspecify.annotations.NullMarked;
