/**
 * Incident response in plain Java: observables (indicators of compromise) with type detection,
 * refanging and canonical forms ({@link org.rebound.incident.ObservableParser}), and the MITRE ATT&CK
 * catalogue with group profiles ({@link org.rebound.incident.AttackCatalogue}).
 */
@NullMarked
package org.rebound.incident;

import org.jspecify.annotations.NullMarked;
