/**
 * Notification duties after an incident: which regulators and which people must be told, by when,
 * with what content, and why.
 *
 * <p>The rules are data ({@code rules.yaml} and {@code us-states.csv} in this package's resources):
 * each names its legal source, the conditions under which it applies, the exemptions that lift it,
 * its deadline and the content the notice must carry. {@link org.rebound.obligations.ObligationsEngine}
 * evaluates them against {@link org.rebound.obligations.IncidentFacts} at an instant and returns one
 * {@link org.rebound.obligations.Obligation} per rule, each with its status, its deadline in UTC and
 * in the recipient's local time, and the facts that made it apply or not. {@link
 * org.rebound.obligations.FactsReader} reads the facts file of {@code rebound obligations}.
 *
 * <p>Package-private: the rule book and its conditions ({@code RuleBook}, {@code Rule}, {@code
 * Condition}, {@code Deadline}), the jurisdictions ({@code Jurisdictions}) and the US federal
 * business-day calendar ({@code UsBusinessDays}).
 */
@NullMarked
package org.rebound.obligations;

import org.jspecify.annotations.NullMarked;
