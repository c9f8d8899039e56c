package org.rebound.planning;

import java.time.Instant;

/**
 * When an unavailable system is back: reconnected after its own recovery work and once every
 * system it depends on is back, or back on its own when only its dependencies were down.
 */
public record SystemReturn(String system, Instant back, boolean recovered, String why) {
}
