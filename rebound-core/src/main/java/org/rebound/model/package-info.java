/**
 * The enterprise model: sites, teams, systems (IT and OT), business processes and what they require,
 * manual workarounds, backlogs and incident scenarios.
 *
 * <p>Every type here is an immutable value. {@link org.rebound.model.Enterprise} is the aggregate; it
 * is built by {@link org.rebound.model.io.ModelReader} from a model file, which also validates it,
 * or by {@link org.rebound.model.generate.EnterpriseGenerator}.
 */
@NullMarked
package org.rebound.model;

import org.jspecify.annotations.NullMarked;
