/**
 * Threat-intelligence sharing: STIX 2.1 export of an incident ({@link org.rebound.intel.StixExport},
 * {@link org.rebound.intel.IntelSharing}) and validation of STIX bundles against OASIS's schemas and
 * patterning grammar ({@link org.rebound.intel.StixValidator}, {@link org.rebound.intel.StixPatterns}).
 * The pattern parser is generated at build time from {@code src/main/antlr4}.
 */
@NullMarked
package org.rebound.intel;

import org.jspecify.annotations.NullMarked;
