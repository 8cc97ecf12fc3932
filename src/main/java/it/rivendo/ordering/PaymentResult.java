package it.rivendo.ordering;

/**
 * A paid order.
 *
 * @param repeated true when this request repeated one already paid (double click,
 * resubmit): nothing new was charged
 */
public record PaymentResult(String orderNumber, boolean repeated) {
}
