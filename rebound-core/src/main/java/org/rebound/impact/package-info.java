/**
 * The impact engine: which systems are available, which processes are up, degraded or down, what
 * the outage costs and how backlogs build up and clear.
 *
 * <p>{@link org.rebound.impact.ImpactModel} compiles an enterprise once. {@link org.rebound.impact.LiveImpact}
 * holds the current state of every system and updates availability incrementally on each change,
 * touching only the systems and processes downstream of it. {@link org.rebound.impact.ImpactTracker}
 * adds time: it records outages as state changes arrive and reports states, loss and backlogs at any
 * instant. {@link org.rebound.impact.Availability#compute} is the full, non-incremental evaluation
 * the incremental one is tested against.
 */
@NullMarked
package org.rebound.impact;

import org.jspecify.annotations.NullMarked;
