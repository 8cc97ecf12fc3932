package it.rivendo.services.web;

import it.rivendo.services.ExpiringFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of "In scadenza": within 30, 60 or 90 days, a family, a product, part of
 * the end customer's e-mail. Every one is optional; days that are not one of the choices
 * read as 30.
 */
public class ExpiringForm {

	private Integer days;

	private String family;

	private String product;

	private String q;

	public ExpiringFilter toFilter() {
		return new ExpiringFilter(days == null ? 0 : days, family, product, q);
	}

	/**
	 * The query string of the same filters ({@code ?days=..&family=..}), for the pager
	 * and the CSV link.
	 */
	public String toQuery() {
		ExpiringFilter filter = toFilter();
		UriComponentsBuilder query = UriComponentsBuilder.newInstance().queryParam("days", filter.days());
		if (!filter.family().isEmpty()) {
			query.queryParam("family", filter.family());
		}
		if (!filter.product().isEmpty()) {
			query.queryParam("product", filter.product());
		}
		if (q != null && !q.isBlank()) {
			query.queryParam("q", q.strip());
		}
		return query.encode().build().toUriString();
	}

	public Integer getDays() {
		return days;
	}

	public void setDays(Integer days) {
		this.days = days;
	}

	public String getFamily() {
		return family;
	}

	public void setFamily(String family) {
		this.family = family;
	}

	public String getProduct() {
		return product;
	}

	public void setProduct(String product) {
		this.product = product;
	}

	public String getQ() {
		return q;
	}

	public void setQ(String q) {
		this.q = q;
	}

}
