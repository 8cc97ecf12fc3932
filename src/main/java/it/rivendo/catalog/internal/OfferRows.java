package it.rivendo.catalog.internal;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalog's rows (a product on sale in one identification mode, at list price),
 * filtered, ordered and cut into pages by PostgreSQL: a catalog page reads the rows it
 * shows, however many products are on sale. Products in menu order, and within a product
 * the modes in their declared order.
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
			       f.name_en as family_name_en, pp.mode, pp.list_price, p.vat_rate
			""";

	/** Rows on sale, for the {@code where} clause to narrow with {@code and ...}. */
	private static final String ON_SALE = """
			from product p
			join product_family f on f.id = p.family_id
			join product_price pp on pp.product_id = p.id
			where p.active
			""";

	private static final String FILTERS = """
			  and (:family = '' or f.code = :family)
			  and (:needle = '' or strpos(lower(p.code), :needle) > 0 or strpos(lower(p.name_it), :needle) > 0
			       or strpos(lower(p.name_en), :needle) > 0)
			""";

	private final JdbcClient jdbc;

	OfferRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code limit} rows from {@code offset}, and how many rows match in all.
	 * @param needle lower-case text to find in the code or a name, or empty for all
	 * @param familyCode the family to keep, or empty for all
	 */
	public Slice slice(String needle, String familyCode, int offset, int limit) {
		AtomicInteger total = new AtomicInteger();
		List<Row> rows = jdbc
			.sql(COLUMNS + ", count(*) over () as total " + ON_SALE + FILTERS
					+ "order by f.sort_order, f.id, p.sort_order, p.code, " + MODE_ORDER
					+ " limit :limit offset :offset")
			.param("family", familyCode)
			.param("needle", needle)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, rowNum) -> {
				total.set(rs.getInt("total"));
				return row(rs, rowNum);
			})
			.list();
		if (rows.isEmpty() && offset > 0) {
			// past the last row: only the count is of use (the caller turns to the last
			// page)
			total.set(jdbc.sql("select count(*) " + ON_SALE + FILTERS)
				.param("family", familyCode)
				.param("needle", needle)
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
		return new Row(rs.getLong("id"), rs.getString("code"),
				new LocalizedText(rs.getString("name_it"), rs.getString("name_en")), rs.getString("family_code"),
				new LocalizedText(rs.getString("family_name_it"), rs.getString("family_name_en")),
				IdentificationMode.valueOf(rs.getString("mode")), Money.of(rs.getBigDecimal("list_price")),
				rs.getBigDecimal("vat_rate"));
	}

	public record Row(long productId, String code, LocalizedText name, String familyCode, LocalizedText familyName,
			IdentificationMode mode, Money listPrice, BigDecimal vatRate) {
	}

	public record Slice(List<Row> rows, int total) {
	}

}
