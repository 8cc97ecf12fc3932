package it.rivendo.audit.web;

import it.rivendo.audit.AuditLine;
import it.rivendo.audit.AuditNames;
import it.rivendo.audit.AuditTrail;
import it.rivendo.shared.Formats;
import it.rivendo.shared.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit page: every staff action and every credit movement, newest first, with who,
 * when, what and the values before and after; filtered by who, by action and by day
 * (Italian time).
 */
@Controller
class AdminAuditController {

	static final int PAGE_SIZE = 50;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Formats formats;

	private final List<AuditNames> names;

	AdminAuditController(AuditTrail audit, MessageSource messages, Formats formats, List<AuditNames> names) {
		this.audit = audit;
		this.messages = messages;
		this.formats = formats;
		this.names = names;
	}

	/**
	 * A day that is not a date is ignored, and said next to its field with what was
	 * typed.
	 */
	@GetMapping("/admin/audit")
	String list(@ModelAttribute("filter") AuditFilterForm filter, BindingResult binding,
			@RequestParam(defaultValue = "0") int page, Model model) {
		LocalDate fromDay = filter.getFrom();
		LocalDate toDay = filter.getTo();
		Instant start = fromDay == null ? null : fromDay.atStartOfDay(Formats.SHOP_ZONE).toInstant();
		Instant end = toDay == null ? null : toDay.plusDays(1).atStartOfDay(Formats.SHOP_ZONE).toInstant();
		Page<AuditLine> lines = audit.search(filter.getActor(), filter.getAction(), start, end,
				PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		Map<String, LocalizedText> tierNames = new HashMap<>();
		names.forEach(known -> tierNames.putAll(known.tiers()));
		AuditDetails words = new AuditDetails(messages, formats, tierNames);
		Map<String, List<AuditDetails.Item>> details = new HashMap<>();
		lines.forEach(line -> details.put(line.source() + "-" + line.id(), words.of(line)));
		model.addAttribute("lines", lines);
		model.addAttribute("details", details);
		Map<String, String> tiers = new HashMap<>();
		tierNames.forEach((ref, name) -> tiers.put(ref, name.in(LocaleContextHolder.getLocale())));
		model.addAttribute("tierNames", tiers);
		model.addAttribute("actions", audit.actions());
		model.addAttribute("pageLink",
				UriComponentsBuilder.fromPath("/admin/audit")
					.queryParam("actor", filter.getActor())
					.queryParam("action", filter.getAction())
					.queryParam("from", fromDay == null ? "" : fromDay)
					.queryParam("to", toDay == null ? "" : toDay)
					.encode()
					.toUriString() + "&page=");
		return "audit/admin-audit";
	}

}
