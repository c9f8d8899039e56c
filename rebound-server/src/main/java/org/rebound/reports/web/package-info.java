/**
 * Downloads of reports: the case file.
 */
@NullMarked
package org.rebound.reports.web;

import org.jspecify.annotations.NullMarked;
