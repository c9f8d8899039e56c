/**
 * Reports that leave Rebound: the case file of an incident for law enforcement or a regulator
 * ({@link org.rebound.reports.CaseFile}).
 */
@NullMarked
package org.rebound.reports;

import org.jspecify.annotations.NullMarked;
