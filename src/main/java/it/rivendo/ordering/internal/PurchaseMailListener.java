package it.rivendo.ordering.internal;

import it.rivendo.catalog.Catalog;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.MailRecipient;
import it.rivendo.identity.ResellerProfile;
import it.rivendo.mail.MailOutbox;
import it.rivendo.mail.MailRenderer;
import it.rivendo.mail.OrderMailAttachments;
import it.rivendo.ordering.OrderPlaced;
import it.rivendo.shared.LocalizedText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the purchase summary, with the activation instructions of every product bought,
 * to the reseller's registered address, in the payment's own transaction; the files
 * {@code OrderMailAttachments} give (the invoice PDF). It lives with the orders, so that
 * the mail module, which every module writes through, depends on none of them.
 */
@Component
class PurchaseMailListener {

	private static final String KIND = OrderMailAttachments.KIND;

	private final MailOutbox outbox;

	private final MailRenderer renderer;

	private final ResellerAccounts accounts;

	private final Catalog catalog;

	PurchaseMailListener(MailOutbox outbox, MailRenderer renderer, ResellerAccounts accounts, Catalog catalog) {
		this.outbox = outbox;
		this.renderer = renderer;
		this.accounts = accounts;
		this.catalog = catalog;
	}

	@EventListener
	void on(OrderPlaced order) {
		if (outbox.exists(KIND, order.number())) {
			return;
		}
		ResellerProfile reseller = accounts.profile(order.resellerId()).orElseThrow();
		Map<Long, LocalizedText> instructions = new LinkedHashMap<>();
		order.lines()
			.forEach(line -> instructions.computeIfAbsent(line.productId(),
					id -> catalog.activationInstructions(id).orElse(new LocalizedText("", ""))));
		List<Instruction> steps = order.lines()
			.stream()
			.filter(line -> !line.isRenewal()) // a renewal needs no activation
			.map(line -> new Instruction(line, instructions.get(line.productId())))
			.toList();
		// the attachments (the invoice PDF) are added when the e-mail is sent, see
		// OutboxSender
		// to the user who placed it, with the Titolari's copies (issue 17)
		for (MailRecipient recipient : accounts.recipients(order.resellerId()).of(order.placedByUserId())) {
			outbox.enqueue(renderer.render(KIND, order.number(), recipient.email(), recipient.locale(), "purchase",
					"mail.purchase.subject", new Object[] { order.number() },
					Map.of("order", order, "reseller", reseller, "recipient", recipient, "instructions", steps)));
		}
	}

	/** A line bought, with how to activate it. */
	record Instruction(OrderPlaced.Line line, LocalizedText text) {
	}

}
