/** Schema migrations written in Java, registered with Flyway by {@link org.rebound.storage.Database}. */
@NullMarked
package org.rebound.storage.migration;

import org.jspecify.annotations.NullMarked;
