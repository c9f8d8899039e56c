/**
 * Breach scoping: which people are in a stolen data set and what was exposed about each.
 *
 * <p>{@link org.rebound.breach.BreachScanner} reads files of every common shape (delimited text, JSON,
 * Excel, SQL dumps, logs, archives of them), classifies the columns of structured data once from
 * their header and a sample of values and then applies that to every row, runs the value-level
 * {@link org.rebound.breach.TextDetector} on free text, and turns every row into a
 * {@link org.rebound.breach.PersonRecord}. {@link org.rebound.breach.IdentityResolver} merges the
 * records that describe the same person (same e-mail, phone, customer id, national id, or name with
 * date of birth or postcode) into one {@link org.rebound.breach.AffectedPerson} each.
 *
 * <p>Records are spooled to disk as they are found, so memory stays bounded whatever the size of the
 * input, and a scan that is interrupted resumes where it stopped.
 */
@NullMarked
package org.rebound.breach;

import org.jspecify.annotations.NullMarked;
