package it.rivendo.ordering.web;

import it.rivendo.shared.BillingData;

/**
 * The billing data of an order whose invoice was rejected, corrected by the reseller;
 * checked by the same rules as at checkout.
 */
public class BillingCorrectionForm extends BillingData {

}
