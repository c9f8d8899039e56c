/**
 * The sharing API: an incident as STIX 2.1 or MISP, and observables taken in from either.
 */
@NullMarked
package org.rebound.intel.web;

import org.jspecify.annotations.NullMarked;
