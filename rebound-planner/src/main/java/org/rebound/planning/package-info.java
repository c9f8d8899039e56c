/**
 * Recovery planning: which compromised system to restore when, by which team, so that the business
 * loses least.
 *
 * <p>A {@link org.rebound.planning.PlanningRequest} describes the incident at an instant: the model,
 * the state changes so far, the progress of recovery work and the user's constraints. Two engines
 * behind {@link org.rebound.planning.PlanningEngine} turn it into a {@link org.rebound.planning.Plan}:
 * {@link org.rebound.planning.Planner#heuristic()}, a priority-rule serial schedule generator that
 * answers at once, and {@link org.rebound.planning.Planner#cpSat()}, an exact model on Google OR-Tools
 * CP-SAT warm-started with the heuristic's plan. Both schedule an integer model of the request and
 * the resulting plans are costed by the impact engine. {@link org.rebound.planning.PlanChecker}
 * verifies any plan against the request without sharing the engines' code.
 */
@NullMarked
package org.rebound.planning;

import org.jspecify.annotations.NullMarked;
