/** The audit log over HTTP, for administrators: the latest entries and a verification of the chain. */
@NullMarked
package org.rebound.audit.web;

import org.jspecify.annotations.NullMarked;
