package it.rivendo.mail;

import java.util.List;

/**
 * Files to attach to the purchase e-mail of an order, e.g. its invoice. Implemented by
 * the module that keeps them, so that this module does not depend on it. Called when the
 * e-mail is sent, outside the payment transaction: a PDF rendered there would hold up
 * every checkout behind the invoice counter.
 */
public interface OrderMailAttachments {

	/**
	 * The kind of outbox message the files go with: an order's purchase e-mail, its
	 * reference the order number.
	 */
	String KIND = "PURCHASE";

	List<MailAttachment> forOrder(String orderNumber);

}
