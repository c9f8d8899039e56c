/**
 * Breach scoping on Apache Spark: the single-machine scanner's readers, detectors and identity
 * resolution as a Spark job, for data sets too big for one machine. {@link org.rebound.breach.spark.SparkBreachScan}
 * is both the job's entry point for {@code spark-submit} and an API for tests.
 */
package org.rebound.breach.spark;
