/** The REST API and page of recovery plans. */
@NullMarked
package org.rebound.planning.web;

import org.jspecify.annotations.NullMarked;
