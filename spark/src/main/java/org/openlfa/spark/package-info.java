/** The regional study on Apache Spark: one LV grid per task ({@link org.openlfa.spark.SparkEngine}). */
package org.openlfa.spark;
