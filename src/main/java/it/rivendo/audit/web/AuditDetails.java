package it.rivendo.audit.web;

import it.rivendo.audit.AuditLine;
import it.rivendo.shared.Formats;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import it.rivendo.shared.TypedNumbers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The details of an audit line in the reader's words. The trail keeps what each module
 * wrote, in the shape it wrote it ({@code amount: -20.50; balance: 150.00 → 129.50},
 * {@code until 2026-12-01; reason: ...}, {@code name.it: "A" → "B"}); the page shows it
 * as labelled values: "Importo: -20,50 €", "Fino al: 01/12/2026", "Nome (italiano): A →
 * B", amounts, dates, statuses, modes and yes/no written as everywhere else. A detail of
 * a shape it does not know is shown as written.
 */
class AuditDetails {

	/** One labelled value; the label is null for text shown as written. */
	record Item(@Nullable String label, String value) {
	}

	private static final String ARROW = " → ";

	private static final Pattern LABELLED = Pattern.compile("([a-zA-Z][\\w.]*(?: reference)?): (.*)", Pattern.DOTALL);

	private static final Pattern TRANSITION = Pattern.compile("(.*?) (?:→|->) (.*)", Pattern.DOTALL);

	private final MessageSource messages;

	private final Formats formats;

	private final Locale locale;

	/** How each kind of value is written, by the label it comes with. */
	private final Map<String, Function<String, String>> kinds;

	/** The discount tiers' names in the reader's language, by code and by id. */
	private final Map<String, String> tierNames;

	AuditDetails(MessageSource messages, Formats formats) {
		this(messages, formats, Map.of());
	}

	AuditDetails(MessageSource messages, Formats formats, Map<String, LocalizedText> tierNames) {
		this.messages = messages;
		this.formats = formats;
		this.locale = LocaleContextHolder.getLocale();
		this.tierNames = new java.util.HashMap<>();
		tierNames.forEach((ref, name) -> this.tierNames.put(ref, name.in(this.locale)));
		Function<String, String> money = this::money;
		Function<String, String> percent = this::percent;
		Map<String, Function<String, String>> byLabel = new java.util.HashMap<>();
		for (String label : List.of("amount", "balance", "balanceAfter", "requested", "credited", "openingCredit",
				"minTopUp", "price", "monthlyLimit", "approvalThreshold")) {
			byLabel.put(label, money);
		}
		byLabel.put("percent", percent);
		byLabel.put("vatRate", percent);
		byLabel.put("status", this::supportStatus);
		byLabel.put("active", this::yesNo);
		byLabel.put("seesAllServices", this::yesNo);
		byLabel.put("copies", this::yesNo);
		byLabel.put("role", role -> text("team.role." + role));
		byLabel.put("until", this::day);
		byLabel.put("expires", this::moment);
		byLabel.put("tier", this::tier);
		this.kinds = Map.copyOf(byLabel);
	}

	/** The line's details as labelled values, in the order written; empty when none. */
	List<Item> of(AuditLine line) {
		String detail = line.detail();
		if (detail == null || detail.isBlank()) {
			return List.of();
		}
		return known(line.action(), detail.strip()).orElseGet(() -> labelled(line, detail.strip()));
	}

	/** The details that are not "label: value; label: value", per action. */
	private Optional<List<Item>> known(String action, String detail) {
		return switch (action) {
			case "TIER_PINNED" -> match("(\\S+) -> (\\S+): (.*)", detail,
					m -> List.of(item("tier", m.group(1) + ARROW + m.group(2)), item("reason", m.group(3))));
			case "TIER_THRESHOLD" -> match("min top-up (\\S+)", detail, m -> List.of(item("minTopUp", m.group(1))));
			case "TOPUP_REQUESTED" -> match("(BANK|CARD) (\\S+)", detail, m -> List
				.of(new Item(label("method"), text("audit.detail.method." + m.group(1))), item("amount", m.group(2))));
			case "TOPUP_COMPLETED" -> match("requested (\\S+), credited (\\S+), balance (\\S+)", detail, m -> List
				.of(item("requested", m.group(1)), item("credited", m.group(2)), item("balanceAfter", m.group(3))));
			case "CREDIT_ADJUSTED" ->
				match("(\\S+) -> (\\S+) \\((\\S+)\\): (.*)", detail, m -> List.of(item("amount", m.group(3)),
						item("balance", m.group(1) + ARROW + m.group(2)), item("reason", m.group(4))));
			case "APPLICATION_APPROVED" ->
				match("tier (\\S+), opening credit (\\S+), reseller (\\d+)", detail, m -> List
					.of(item("tier", m.group(1)), item("openingCredit", m.group(2)), item("reseller", m.group(3))));
			case "APPLICATION_RECEIVED" -> Optional.of(List.of(item("company", detail)));
			case "APPLICATION_REPEATED" -> Optional.of(List.of(item("reason", phrase("repeated", detail))));
			case "TOPUP_CANCELLED", "APPLICATION_REJECTED", "RESELLER_ENABLED", "RESELLER_DISABLED" ->
				Optional.of(List.of(item("reason", detail)));
			case "IDENTIFICATION_CONFIRMED", "IDENTIFICATION_REFUSED" ->
				match("(.*), (\\w+), (\\S+), order (\\S+?)(?:; provider reference (.*?))?(?:; reason: (.*))?", detail,
						m -> identification(m));
			case "SERVICE_SUSPENDED" -> match("until (\\S+); reason: (.*)", detail,
					m -> List.of(item("until", m.group(1)), item("reason", m.group(2))));
			case "SERVICE_AUTO_RENEW_ON", "SERVICE_AUTO_RENEW_OFF" -> Optional.of(List.of(item("product", detail)));
			case "EXPORT_ORDERS", "EXPORT_LEDGER" ->
				match("(\\d+) rows", detail, m -> List.of(item("rows", m.group(1))));
			case "HANDOFF_CREATED" -> match("expires (\\S+)", detail, m -> List.of(item("expires", m.group(1))));
			case "HANDOFF_REFUSED" -> match("(.*?)(?:: (\\S+@\\S+))?", detail, m -> {
				List<Item> items = new ArrayList<>(List.of(item("reason", phrase("handoff", m.group(1)))));
				if (m.group(2) != null) {
					items.add(item("account", m.group(2)));
				}
				return items;
			});
			default -> Optional.empty();
		};
	}

	private List<Item> identification(Matcher m) {
		List<Item> items = new ArrayList<>();
		items.add(item("customer", m.group(1)));
		items.add(new Item(label("mode"), text("mode." + m.group(2))));
		items.add(item("product", m.group(3)));
		items.add(item("order", m.group(4)));
		if (m.group(5) != null) {
			items.add(item("providerReference", m.group(5)));
		}
		if (m.group(6) != null) {
			items.add(item("reason", m.group(6)));
		}
		return items;
	}

	/**
	 * "label: value; label: value": credit movements (the first part without a label and
	 * what follows is the entry's description), support requests, and the catalog's
	 * before and after ({@code name.it: "A" → "B"}). A part without a known label belongs
	 * to the value before it (text with "; " in it).
	 */
	private List<Item> labelled(AuditLine line, String detail) {
		if ("no changes".equals(detail)) {
			return List.of(new Item(null, text("audit.detail.noChanges")));
		}
		List<String[]> parts = new ArrayList<>();
		String[] pieces = detail.split("; ");
		for (int i = 0; i < pieces.length; i++) {
			Matcher labelled = LABELLED.matcher(pieces[i]);
			String label = labelled.matches() ? labelled.group(1).replace("provider reference", "providerReference")
					: null;
			if (label != null && labelKnown(label)) {
				parts.add(new String[] { label, labelled.group(2) });
			}
			else if (line.creditMovement() && !parts.isEmpty()) { // the description, to
																	// the end
				parts.add(new String[] { "description",
						String.join("; ", java.util.Arrays.copyOfRange(pieces, i, pieces.length)) });
				break;
			}
			else if (!parts.isEmpty()) {
				String[] last = parts.get(parts.size() - 1);
				last[1] = last[1] + "; " + pieces[i];
			}
			else {
				return List.of(new Item(null, detail)); // not a shape known here
			}
		}
		return parts.stream().map(part -> item(part[0], part[1])).toList();
	}

	private boolean labelKnown(String label) {
		return messages.getMessage("audit.detail." + label, null, null, locale) != null || label.startsWith("price.")
				&& messages.getMessage("mode." + label.substring(6), null, null, locale) != null;
	}

	/** A labelled value, written by its kind; "A → B" as each side written. */
	private Item item(String label, String value) {
		String kind = label.startsWith("price.") ? "price" : label;
		String labelText = label.startsWith("price.") ? text("audit.detail.price", text("mode." + label.substring(6)))
				: label(label);
		Function<String, String> write = kinds.getOrDefault(kind, this::plain);
		Matcher transition = TRANSITION.matcher(value);
		if (transition.matches() && !"reason".equals(kind) && !"answer".equals(kind) && !"description".equals(kind)) {
			return new Item(labelText,
					write.apply(unquoted(transition.group(1))) + ARROW + write.apply(unquoted(transition.group(2))));
		}
		return new Item(labelText, write.apply(unquoted(value)));
	}

	private String label(String label) {
		return text("audit.detail." + label);
	}

	private static Optional<List<Item>> match(String pattern, String detail, Function<Matcher, List<Item>> items) {
		Matcher matcher = Pattern.compile(pattern, Pattern.DOTALL).matcher(detail);
		return matcher.matches() ? Optional.of(items.apply(matcher)) : Optional.empty();
	}

	/** A fixed English phrase the module wrote, in words, or as written. */
	private String phrase(String group, String english) {
		String key = "audit.detail." + group + "." + english.replaceAll("[^a-z]+", "-");
		return messages.getMessage(key, null, english, locale);
	}

	private static String unquoted(String value) {
		String stripped = value.strip();
		return stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")
				? stripped.substring(1, stripped.length() - 1) : stripped;
	}

	private String plain(String value) {
		return value;
	}

	private String money(String value) {
		return TypedNumbers.decimal(value).map(amount -> formats.money(Money.of(amount))).orElse(value);
	}

	private String percent(String value) {
		return TypedNumbers.percent(value).map(formats::percent).orElse(value);
	}

	private String yesNo(String value) {
		return switch (value) {
			case "true" -> text("audit.detail.yes");
			case "false" -> text("audit.detail.no");
			default -> value;
		};
	}

	/** A discount tier by its name, or its code when the catalog does not know it. */
	private String tier(String ref) {
		return tierNames.getOrDefault(ref, ref);
	}

	private String supportStatus(String value) {
		return messages.getMessage("support.status." + value, null, value, locale);
	}

	private String day(String value) {
		try {
			return formats.day(LocalDate.parse(value));
		}
		catch (DateTimeParseException ex) {
			return value;
		}
	}

	private String moment(String value) {
		try {
			return formats.dateTime(Instant.parse(value));
		}
		catch (DateTimeParseException ex) {
			return value;
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
