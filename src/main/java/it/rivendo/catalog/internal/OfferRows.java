package it.rivendo.catalog.internal;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalog's rows (a product on sale in one identification mode, at list price),
 * filtered, ordered and cut into pages of products by PostgreSQL: a catalog page reads
 * the rows it shows, however many products are on sale. Products in menu order, and
 * within a product the modes in their declared order.
 */
@Component
public class OfferRows {

	/**
	 * Position of each mode, for the order by: the enum's order, spelled out as SQL
	 * literals.
	 */
	private static final String MODE_ORDER = Arrays.stream(IdentificationMode.values())
		.map(mode -> "'" + mode.name() + "'")
		.collect(Collectors.joining(",", "array_position(array[", "]::text[], pp.mode::text)"));

	private static final String COLUMNS = """
			select p.id, p.code, p.name_it, p.name_en, f.code as family_code, f.name_it as family_name_it,
			       f.name_en as family_name_en, pp.mode, pp.list_price, p.vat_rate, p.renewal_price
			""";

	/** Rows on sale, for the {@code where} clause to narrow with {@code and ...}. */
	private static final String ON_SALE = """
			from product p
			join product_family f on f.id = p.family_id
			join product_price pp on pp.product_id = p.id
			where p.active
			""";

	private final JdbcClient jdbc;

	OfferRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rows of up to {@code limit} products from {@code offset}, every mode of each,
	 * and how many products match in all: one statement, the products cut into a page
	 * first and then joined to their prices.
	 * @param words what each word of the search must match: the product (code, name,
	 * family name, in either language) or one of the product's modes
	 * @param familyCode the family to keep, or empty for all
	 */
	public Slice products(List<Word> words, String familyCode, int offset, int limit) {
		StringBuilder where = new StringBuilder("and (:family = '' or f.code = :family)\n");
		Map<String, Object> params = new HashMap<>();
		params.put("family", familyCode);
		for (int i = 0; i < words.size(); i++) {
			Word word = words.get(i);
			where.append("and (strpos(lower(p.code || ' ' || p.name_it || ' ' || p.name_en || ' ' || f.name_it")
				.append(" || ' ' || f.name_en), :w")
				.append(i)
				.append(") > 0");
			if (!word.modes().isEmpty()) {
				// mode names are the enum's, spelled out as literals like MODE_ORDER
				where.append(
						" or exists (select 1 from product_price pw where pw.product_id = p.id and pw.mode::text in ")
					.append(word.modes()
						.stream()
						.map(mode -> "'" + mode.name() + "'")
						.collect(Collectors.joining(",", "(", ")")))
					.append(")");
			}
			where.append(")\n");
			params.put("w" + i, word.text());
		}
		params.put("limit", limit);
		params.put("offset", offset);
		AtomicInteger total = new AtomicInteger();
		List<Row> rows = jdbc.sql("""
				with page as (
				  select p.id, f.sort_order as family_order, f.id as family_id, p.sort_order, p.code,
				         count(*) over () as total
				  from product p
				  join product_family f on f.id = p.family_id
				  where p.active and exists (select 1 from product_price pp where pp.product_id = p.id)
				""" + where + """
				  order by f.sort_order, f.id, p.sort_order, p.code
				  limit :limit offset :offset)
				""" + COLUMNS + ", page.total " + """
				from page
				join product p on p.id = page.id
				join product_family f on f.id = p.family_id
				join product_price pp on pp.product_id = p.id
				order by page.family_order, page.family_id, page.sort_order, page.code,
				""" + MODE_ORDER).params(params).query((rs, rowNum) -> {
			total.set(rs.getInt("total"));
			return row(rs, rowNum);
		}).list();
		if (rows.isEmpty() && offset > 0) {
			// past the last product: only the count is of use (the caller turns to the
			// last page)
			total.set(jdbc.sql("select count(*) from product p join product_family f on f.id = p.family_id "
					+ "where p.active and exists (select 1 from product_price pp where pp.product_id = p.id) " + where)
				.params(params)
				.query(Integer.class)
				.single());
		}
		return new Slice(rows, total.get());
	}

	/** The rows of the given products, those on sale. */
	public List<Row> ofProducts(Collection<Long> productIds) {
		return jdbc.sql(COLUMNS + ON_SALE + "and p.id in (:ids)").param("ids", productIds).query(OfferRows::row).list();
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		BigDecimal renewalPrice = rs.getBigDecimal("renewal_price");
		return new Row(rs.getLong("id"), rs.getString("code"),
				new LocalizedText(rs.getString("name_it"), rs.getString("name_en")), rs.getString("family_code"),
				new LocalizedText(rs.getString("family_name_it"), rs.getString("family_name_en")),
				IdentificationMode.valueOf(rs.getString("mode")), Money.of(rs.getBigDecimal("list_price")),
				rs.getBigDecimal("vat_rate"), renewalPrice == null ? null : Money.of(renewalPrice));
	}

	/**
	 * @param listPrice the purchase price of the mode
	 * @param renewalPrice the product's renewal price; null: a renewal costs
	 * {@code listPrice}
	 */
	public record Row(long productId, String code, LocalizedText name, String familyCode, LocalizedText familyName,
			IdentificationMode mode, Money listPrice, BigDecimal vatRate, Money renewalPrice) {

		/** What renewing a service of this product and mode costs before discounts. */
		public Money renewalListPrice() {
			return renewalPrice == null ? listPrice : renewalPrice;
		}

	}

	/**
	 * @param rows rows in order, the modes of a product one after the other
	 * @param total products matching in all
	 */
	public record Slice(List<Row> rows, int total) {
	}

	/**
	 * One word of a search.
	 *
	 * @param text the word, lower case
	 * @param modes the modes whose names contain the word (a product with one of them
	 * matches)
	 */
	public record Word(String text, Set<IdentificationMode> modes) {
	}

}
