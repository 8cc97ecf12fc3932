package it.rivendo.mail;

import it.rivendo.ordering.OrderPlaced;
import java.util.List;

/**
 * Files to attach to the purchase e-mail of an order, e.g. its invoice. Implemented by the module that keeps them,
 * so that this module does not depend on it; called inside the payment transaction.
 */
public interface OrderMailAttachments {

	List<MailAttachment> forOrder(OrderPlaced order);
}
