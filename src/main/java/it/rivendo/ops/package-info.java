/**
 * Operations: a request id on every request and in every log line, and business metrics
 * for Prometheus.
 */
@org.jspecify.annotations.NullMarked
package it.rivendo.ops;
