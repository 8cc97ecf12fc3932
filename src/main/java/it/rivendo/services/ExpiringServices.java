package it.rivendo.services;

import it.rivendo.catalog.Catalog;
import it.rivendo.catalog.PriceQuote;
import it.rivendo.catalog.ProductMode;
import it.rivendo.services.internal.ExpiringRows;
import it.rivendo.shared.Formats;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.VatBreakdown;
import it.rivendo.shared.VatBreakdown.TaxableLine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "In scadenza": a reseller's services whose term ends within 30, 60 or 90 days, and
 * those whose term ended but can still be renewed (grace days), soonest first; with what
 * renewing them all costs at the reseller's prices of today (the catalog's price with the
 * tier discount), and the same rows for a CSV file.
 */
@Service
@Transactional(readOnly = true)
public class ExpiringServices {

	private final ExpiringRows rows;

	private final Catalog catalog;

	private final Clock clock;

	ExpiringServices(ExpiringRows rows, Catalog catalog, Clock clock) {
		this.rows = rows;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * One page of the matching services, how many match in all and what renewing all of
	 * them costs.
	 */
	public Overview overview(long resellerId, ExpiringFilter filter, Pageable page) {
		Instant now = clock.instant();
		Instant before = before(filter.days(), now);
		List<ExpiringRows.Count> counts = rows.counts(resellerId, filter, now, before);
		Map<ProductMode, PriceQuote> quotes = quotes(resellerId, counts);
		List<TaxableLine> lines = new ArrayList<>();
		long total = 0;
		long unpriced = 0;
		for (ExpiringRows.Count count : counts) {
			total += count.services();
			PriceQuote quote = quotes.get(new ProductMode(count.productId(), count.mode()));
			if (quote == null) {
				unpriced += count.services();
			}
			else {
				lines.add(new TaxableLine(quote.netPrice().times(Math.toIntExact(count.services())), quote.vatRate()));
			}
		}
		List<ExpiringService> content = rows.page(resellerId, filter, now, before, page.getOffset(), page.getPageSize())
			.stream()
			.map(row -> view(row, quotes, now))
			.toList();
		return new Overview(new PageImpl<>(content, page, total), VatBreakdown.of(lines), unpriced);
	}

	/** Every matching service, soonest first, one at a time (for a CSV file). */
	public void forEach(long resellerId, ExpiringFilter filter, Consumer<ExpiringService> action) {
		Instant now = clock.instant();
		Instant before = before(filter.days(), now);
		Map<ProductMode, PriceQuote> quotes = quotes(resellerId, rows.counts(resellerId, filter, now, before));
		rows.forEach(resellerId, filter, now, before, row -> action.accept(view(row, quotes, now)));
	}

	/** How many running services end within the given days (for the home page). */
	public long countWithin(long resellerId, int days) {
		return countWithin(resellerId, null, days);
	}

	/**
	 * How many running services the user {@code placedBy} bought (null: the whole team)
	 * end within the given days.
	 */
	public long countWithin(long resellerId, @Nullable Long placedBy, int days) {
		Instant now = clock.instant();
		return rows.countRunningBefore(resellerId, placedBy, before(days, now));
	}

	/** The families of the reseller's services that have a term, for the filter. */
	public List<Choice> families(long resellerId) {
		return families(resellerId, null);
	}

	/**
	 * The families of the services with a term that the user {@code placedBy} bought
	 * (null: the whole team).
	 */
	public List<Choice> families(long resellerId, @Nullable Long placedBy) {
		return rows.families(resellerId, placedBy);
	}

	/** The products of the reseller's services that have a term, for the filter. */
	public List<Choice> products(long resellerId) {
		return products(resellerId, null);
	}

	/**
	 * The products of the services with a term that the user {@code placedBy} bought
	 * (null: the whole team).
	 */
	public List<Choice> products(long resellerId, @Nullable Long placedBy) {
		return rows.products(resellerId, placedBy);
	}

	/**
	 * The first instant past the window: the start of the day after the last one, in the
	 * shop's time zone, so "within 30 days" means the same calendar days as "In scadenza
	 * tra N giorni".
	 */
	static Instant before(int days, Instant now) {
		return LocalDate.ofInstant(now, Formats.SHOP_ZONE)
			.plusDays(days + 1L)
			.atStartOfDay(Formats.SHOP_ZONE)
			.toInstant();
	}

	/** What renewing one service of each product and mode costs the reseller today. */
	private Map<ProductMode, PriceQuote> quotes(long resellerId, List<ExpiringRows.Count> counts) {
		return catalog.renewalQuotes(resellerId,
				counts.stream().map(c -> new ProductMode(c.productId(), c.mode())).collect(Collectors.toSet()));
	}

	private static ExpiringService view(ExpiringRows.Row row, Map<ProductMode, PriceQuote> quotes, Instant now) {
		PriceQuote quote = quotes.get(new ProductMode(row.productId(), row.mode()));
		long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, Formats.SHOP_ZONE),
				LocalDate.ofInstant(row.validUntil(), Formats.SHOP_ZONE));
		return new ExpiringService(row.id(), row.productCode(), row.productName(), row.familyCode(), row.mode(),
				row.orderNumber(), row.customerEmail(), row.customerName(), row.status(), row.validUntil(), days,
				quote == null ? null : quote.netPrice(), quote == null ? null : quote.vatRate(), row.renewalWindow());
	}

	/**
	 * A page of services, what renewing every matching one costs (taxable, VAT, total)
	 * and how many of them cannot be priced (their product is no longer on sale).
	 */
	public record Overview(Page<ExpiringService> services, VatBreakdown renewal, long unpriced) {
	}

	/** A family or a product to filter by. */
	public record Choice(String code, LocalizedText name) {
	}

}
