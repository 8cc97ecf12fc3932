package it.rivendo.audit.web;

import it.rivendo.audit.AuditTrail;
import it.rivendo.shared.Formats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit page: every staff action and every credit movement, newest first, with who, when, what and the values
 * before and after; filtered by who, by action and by day (Italian time).
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditTrail audit;

	AuditController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		LocalDate fromDay = day(from, "from", model);
		LocalDate toDay = day(to, "to", model);
		Instant start = fromDay == null ? null : fromDay.atStartOfDay(Formats.SHOP_ZONE).toInstant();
		Instant end = toDay == null ? null : toDay.plusDays(1).atStartOfDay(Formats.SHOP_ZONE).toInstant();
		model.addAttribute("lines",
				audit.search(actor, action, start, end, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		model.addAttribute("actions", audit.actions());
		model.addAttribute("actor", actor == null ? "" : actor);
		model.addAttribute("action", action == null ? "" : action);
		model.addAttribute("from", from == null ? "" : from);
		model.addAttribute("to", to == null ? "" : to);
		model.addAttribute("pageLink", UriComponentsBuilder.fromPath("/admin/audit")
			.queryParam("actor", actor == null ? "" : actor)
			.queryParam("action", action == null ? "" : action)
			.queryParam("from", fromDay == null ? "" : fromDay)
			.queryParam("to", toDay == null ? "" : toDay)
			.encode()
			.toUriString() + "&page=");
		return "audit/audit";
	}

	/** A day typed in the filter; a malformed one is ignored and reported next to its field. */
	private static LocalDate day(String text, String field, Model model) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			model.addAttribute(field + "Invalid", true);
			return null;
		}
	}
}
