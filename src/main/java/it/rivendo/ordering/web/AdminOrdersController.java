package it.rivendo.ordering.web;

import it.rivendo.ordering.OrderHistory;
import java.time.LocalDate;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** Staff search every reseller's orders by number, reseller, period and status. */
@Controller
class AdminOrdersController {

	private final OrderHistory orders;

	AdminOrdersController(OrderHistory orders) {
		this.orders = orders;
	}

	/**
	 * A date that is not one is left out of the search and shown, as typed, with its
	 * message next to it.
	 */
	@GetMapping("/admin/orders")
	String search(@ModelAttribute("search") OrderSearchForm search, BindingResult binding,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("orders", orders.search(search.getNumber(), search.getReseller(), search.getFrom(),
				search.getTo(), search.getStatus(), PageRequest.of(Math.max(page, 0), 50)));
		model.addAttribute("pageLink",
				"/admin/orders?number=" + q(search.getNumber()) + "&reseller=" + q(search.getReseller()) + "&from="
						+ q(search.getFrom()) + "&to=" + q(search.getTo()) + "&status=" + q(search.getStatus())
						+ "&page=");
		return "ordering/admin-orders";
	}

	private static String q(LocalDate day) {
		return day == null ? "" : day.toString();
	}

	private static String q(String value) {
		return value == null ? ""
				: UriUtils.encodeQueryParam(value.length() > 100 ? value.substring(0, 100) : value, "UTF-8");
	}

}
