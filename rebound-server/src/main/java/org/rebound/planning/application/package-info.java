/** Use cases of recovery planning in the live incident: re-plan, record progress, read plan versions. */
@NullMarked
package org.rebound.planning.application;

import org.jspecify.annotations.NullMarked;
