package it.rivendo.services.web;

import it.rivendo.services.ExpiringService;
import it.rivendo.shared.Formats;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * A row of "In scadenza" as the page writes it: every text already in the request's
 * language, so the template only places them (rendering the rows' expressions, message
 * look-ups and dates cell by cell was the largest share of the page's CPU). Null texts
 * are not shown.
 *
 * @param expiresIn "In scadenza tra N giorni" for a running service
 * @param ended the "Scaduto" badge for one whose term ended
 * @param renewableFrom when its renewal window opens, if later
 * @param refused why it could not be renewed, after "Rinnova i selezionati" refused it
 * @param renewable whether it can be selected for "Rinnova i selezionati" now
 * @param checked whether it stays selected (after a refusal)
 * @param selectLabel its checkbox's accessible name
 */
public record ExpiringPageRow(long id, String productCode, String productName, String mode, String customerEmail,
		@Nullable String customerName, String validUntil, @Nullable String expiresIn, @Nullable String ended,
		@Nullable String renewableFrom, @Nullable String refused, String price, boolean renewable, boolean checked,
		String selectLabel) {

	/**
	 * The page's rows; {@code refusals} (service id to message key) and {@code selected}
	 * are what a refused "Rinnova i selezionati" left, or null.
	 */
	static List<ExpiringPageRow> of(Collection<ExpiringService> services, Instant now,
			@Nullable Map<Long, String> refusals, @Nullable Collection<Long> selected, MessageSource messages,
			Formats formats, Locale locale) {
		String notOnSale = messages.getMessage("services.expiring.notOnSale", null, locale);
		return services.stream().map(s -> {
			String email = s.customerEmail() == null ? "—" : s.customerEmail();
			String name = s.productName().in(locale);
			String refusal = refusals == null ? null : refusals.get(s.id());
			return new ExpiringPageRow(s.id(), s.productCode(), name,
					messages.getMessage(s.mode().messageKey(), null, locale), email, s.customerName(),
					formats.date(s.validUntil()),
					s.ended() ? null : messages.getMessage("services.expiresIn", new Object[] { s.daysLeft() }, locale),
					s.ended() ? messages.getMessage(s.status().messageKey(), null, locale) : null,
					s.renewalOpensLater(now) ? messages.getMessage("services.expiring.renewableFrom",
							new Object[] { formats.date(s.renewalWindow().opens()) }, locale) : null,
					refusal == null ? null : messages.getMessage(refusal, null, locale),
					s.priced() ? formats.money(s.renewalPrice()) : notOnSale, s.canRenew(now),
					selected != null && selected.contains(s.id()),
					messages.getMessage("services.renew.select", new Object[] { name, email }, locale));
		}).toList();
	}

}
