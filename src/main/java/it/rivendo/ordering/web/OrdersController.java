package it.rivendo.ordering.web;

import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.ShopUser;
import it.rivendo.identity.Team;
import it.rivendo.ordering.OrderDocuments;
import it.rivendo.ordering.OrderHistory;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The reseller's orders: history, detail and the page that follows a payment. */
@Controller
class OrdersController {

	static final int PAGE_SIZE = 20;

	private final OrderHistory history;

	private final CreditLedger credit;

	private final List<OrderDocuments> documents;

	private final Team team;

	OrdersController(OrderHistory history, CreditLedger credit, List<OrderDocuments> documents, Team team) {
		this.history = history;
		this.credit = credit;
		this.documents = documents;
		this.team = team;
	}

	@GetMapping("/orders")
	String list(@AuthenticationPrincipal ShopUser user, @RequestParam(defaultValue = "0") int page,
			@RequestParam(name = "user", required = false) Long placedBy, Model model) {
		// the Titolare may see the orders of one user of its team ("Utente"); an
		// Operatore
		// who sees only its own services sees only its own orders
		Long userFilter = user.isOwner() ? placedBy : team.servicesOnlyOf(user);
		model.addAttribute("orders",
				history.page(user.resellerId(), userFilter, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		if (user.isOwner()) {
			model.addAttribute("members", team.members(user.resellerId()));
			model.addAttribute("userFilter", userFilter);
		}
		return "ordering/orders";
	}

	@GetMapping("/orders/{number}")
	String detail(@AuthenticationPrincipal ShopUser user, @PathVariable String number, Model model) {
		model.addAttribute("order", history.details(user.resellerId(), team.servicesOnlyOf(user), number));
		model.addAttribute("documents",
				documents.stream().flatMap(source -> source.forReseller(user.resellerId(), number).stream()).toList());
		model.addAttribute("documentNotices",
				documents.stream().map(OrderDocuments::noticeKey).filter(key -> key != null).toList());
		model.addAttribute("rejection",
				documents.stream()
					.flatMap(source -> source.rejection(user.resellerId(), number).stream())
					.findFirst()
					.orElse(null));
		return "ordering/order";
	}

	/**
	 * "Acquisto effettuato con successo": the summary, the new balance, and the way back
	 * to the customer area.
	 */
	@GetMapping("/orders/{number}/completed")
	String completed(@AuthenticationPrincipal ShopUser user, @PathVariable String number, Model model) {
		model.addAttribute("order", history.details(user.resellerId(), team.servicesOnlyOf(user), number));
		model.addAttribute("balance", credit.balanceOf(user.resellerId()));
		model.addAttribute("email", user.email());
		return "ordering/completed";
	}

}
