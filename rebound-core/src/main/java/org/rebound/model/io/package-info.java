/**
 * Reading, validating and writing enterprise model files (YAML or JSON, plus CMDB CSV exports).
 *
 * <p>{@link org.rebound.model.io.ModelReader} returns a {@link org.rebound.model.io.ModelLoad}: either
 * the loaded enterprise or every problem found, each naming the file, line, column and field. A
 * model with any error is never returned in part.
 */
@NullMarked
package org.rebound.model.io;

import org.jspecify.annotations.NullMarked;
