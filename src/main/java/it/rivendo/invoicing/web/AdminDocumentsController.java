package it.rivendo.invoicing.web;

import it.rivendo.identity.ResellerDirectory;
import it.rivendo.identity.ShopUser;
import it.rivendo.invoicing.DocumentSummary;
import it.rivendo.invoicing.Invoices;
import it.rivendo.invoicing.SdiStatus;
import it.rivendo.ordering.OrderCancellation;
import it.rivendo.ordering.OrderDetails;
import it.rivendo.ordering.OrderHistory;
import it.rivendo.shared.Formats;
import it.rivendo.shared.web.OnRefusal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Staff pages: documents issued in a date range, with where each stands with the SdI
 * (PDF, FatturaPA XML one by one or as a ZIP), and an order with the reseller who bought
 * it, its documents with their history with the SdI (receipts as received) and the form
 * that cancels it, with a mandatory reason.
 */
@Controller
class AdminDocumentsController {

	private final Invoices invoices;

	private final OrderHistory orders;

	private final OrderCancellation cancellation;

	private final ResellerDirectory resellers;

	private final Clock clock;

	AdminDocumentsController(Invoices invoices, OrderHistory orders, OrderCancellation cancellation,
			ResellerDirectory resellers, Clock clock) {
		this.invoices = invoices;
		this.orders = orders;
		this.cancellation = cancellation;
		this.resellers = resellers;
		this.clock = clock;
	}

	/**
	 * This month's documents unless other days are asked; a day that is not a date is
	 * said next to its field.
	 */
	@GetMapping("/admin/invoices")
	String list(@ModelAttribute("filter") DocumentsFilterForm filter, BindingResult binding, Model model) {
		filter.completeFor(today());
		model.addAttribute("documents", invoices.issuedBetween(filter.getFrom(), filter.getTo(), filter.getStatus()));
		model.addAttribute("statuses", SdiStatus.values());
		model.addAttribute("transmission", invoices.transmission());
		return "invoicing/admin-documents";
	}

	@GetMapping("/admin/invoices/{id}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		return Downloads.of(invoices.pdf(id));
	}

	@GetMapping("/admin/invoices/{id}.xml")
	ResponseEntity<byte[]> xml(@PathVariable long id) {
		return Downloads.of(invoices.xml(id));
	}

	@GetMapping("/admin/invoices/receipts/{eventId}.xml")
	ResponseEntity<byte[]> receipt(@PathVariable long eventId) {
		return Downloads.of(invoices.sdiReceipt(eventId));
	}

	@GetMapping("/admin/invoices/xml.zip")
	ResponseEntity<byte[]> zip(@ModelAttribute DocumentsFilterForm filter, BindingResult binding) {
		filter.completeFor(today());
		return Downloads.of(invoices.xmlZip(filter.getFrom(), filter.getTo()));
	}

	@GetMapping("/admin/orders/{number}")
	String order(@PathVariable String number, Model model) {
		OrderDetails order = orders.details(number);
		model.addAttribute("order", order);
		model.addAttribute("reseller", resellers.byIds(List.of(order.resellerId())).get(order.resellerId()));
		List<DocumentSummary> documents = invoices.forOrder(number);
		model.addAttribute("documents", documents);
		model.addAttribute("histories", documents.stream()
			.collect(Collectors.toMap(DocumentSummary::id, document -> invoices.sdiHistory(document.id()))));
		model.addAttribute("transmission", invoices.transmission());
		return "invoicing/admin-order";
	}

	@PostMapping("/admin/orders/{number}/cancel")
	@OnRefusal("/admin/orders/{number}")
	String cancel(@AuthenticationPrincipal ShopUser user, @PathVariable String number,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		cancellation.cancel(number, reason, user.email());
		redirect.addFlashAttribute("success", "admin.order.cancelled");
		return "redirect:/admin/orders/" + UriUtils.encodePathSegment(number, "UTF-8");
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Formats.SHOP_ZONE));
	}

}
