package it.rivendo.web;

import it.rivendo.ordering.OrderHistory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** Staff search every reseller's orders by number, reseller, period and status. */
@Controller
class AdminOrdersController {

	private final OrderHistory orders;

	AdminOrdersController(OrderHistory orders) {
		this.orders = orders;
	}

	@GetMapping("/admin/orders")
	String search(@RequestParam(required = false) String number, @RequestParam(required = false) String reseller,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
		LocalDate fromDay = day(from);
		LocalDate toDay = day(to);
		model.addAttribute("orders",
				orders.search(number, reseller, fromDay, toDay, status, PageRequest.of(Math.max(page, 0), 50)));
		model.addAttribute("number", number == null ? "" : number);
		model.addAttribute("reseller", reseller == null ? "" : reseller);
		model.addAttribute("from", fromDay == null ? "" : fromDay.toString());
		model.addAttribute("to", toDay == null ? "" : toDay.toString());
		model.addAttribute("status", status == null ? "" : status);
		model.addAttribute("datesInvalid", (from != null && !from.isBlank() && fromDay == null)
				|| (to != null && !to.isBlank() && toDay == null));
		model.addAttribute("pageLink", "/admin/orders?number=" + q(number) + "&reseller=" + q(reseller) + "&from="
				+ q(from) + "&to=" + q(to) + "&status=" + q(status) + "&page=");
		return "admin/orders";
	}

	private static LocalDate day(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String q(String value) {
		return value == null ? "" : UriUtils.encodeQueryParam(value.length() > 100 ? value.substring(0, 100) : value,
				"UTF-8");
	}
}
