package it.rivendo.invoicing.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.identity.Team;
import it.rivendo.invoicing.DocumentKind;
import it.rivendo.invoicing.DocumentSummary;
import it.rivendo.invoicing.Invoices;
import it.rivendo.ordering.OrderHistory;
import it.rivendo.shared.NotFoundException;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A reseller downloads its own invoices, credit notes and receipts; anyone else's is not
 * found.
 */
@Controller
class ResellerDocumentsController {

	private final Invoices invoices;

	private final OrderHistory history;

	private final Team team;

	ResellerDocumentsController(Invoices invoices, OrderHistory history, Team team) {
		this.invoices = invoices;
		this.history = history;
		this.team = team;
	}

	@GetMapping("/orders/{number}/invoice.pdf")
	ResponseEntity<byte[]> invoice(@AuthenticationPrincipal ShopUser user, @PathVariable String number) {
		// an Operatore who sees only its own services sees only its own orders' documents
		history.requireVisible(user.resellerId(), team.servicesOnlyOf(user), number);
		return pdf(invoices.ofOrder(user.resellerId(), number, DocumentKind.INVOICE), number);
	}

	@GetMapping("/orders/{number}/credit-note.pdf")
	ResponseEntity<byte[]> creditNote(@AuthenticationPrincipal ShopUser user, @PathVariable String number) {
		history.requireVisible(user.resellerId(), team.servicesOnlyOf(user), number);
		return pdf(invoices.ofOrder(user.resellerId(), number, DocumentKind.CREDIT_NOTE), number);
	}

	@GetMapping("/account/credit/receipts/{entryId}.pdf")
	ResponseEntity<byte[]> receipt(@AuthenticationPrincipal ShopUser user, @PathVariable long entryId) {
		return pdf(invoices.receiptOf(user.resellerId(), entryId), "entry " + entryId);
	}

	private ResponseEntity<byte[]> pdf(Optional<DocumentSummary> document, String what) {
		return Downloads
			.of(invoices.pdf(document.orElseThrow(() -> new NotFoundException("document of " + what)).id()));
	}

}
