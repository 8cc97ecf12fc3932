package it.rivendo.support;

import java.util.Locale;

/**
 * A request written in "Contattaci".
 *
 * @param resellerId the signed-in reseller who wrote it, or {@code null} for the public
 * @param orderNumber optional; a reseller's must be one of its orders, the public's is
 * only kept
 */
public record NewSupportRequest(Long resellerId, String senderName, String senderEmail, SupportTopic topic,
		String orderNumber, String message, Locale locale) {
}
