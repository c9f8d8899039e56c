/** What every web page and API shares: the login page, error responses, the current user. */
@NullMarked
package org.rebound.web;

import org.jspecify.annotations.NullMarked;
