/**
 * Operations: a request id on every request and in every log line, and business metrics
 * for Prometheus.
 */
package it.rivendo.ops;
